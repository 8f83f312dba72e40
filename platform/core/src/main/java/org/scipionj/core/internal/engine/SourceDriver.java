package org.scipionj.core.internal.engine;

import java.util.Map;
import java.util.List;
import java.util.Set;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceContext;
import org.scipionj.api.protocol.SourceProtocol;
import org.scipionj.core.internal.store.RunRecord;

/**
 * Drives a source protocol (an import): polls it until it says it has finished, committing each thing it
 * emits at once. Keys already recorded (from before a restart) are known to the source, so nothing is emitted
 * twice.
 */
final class SourceDriver extends RunDriver {

    private final Object wake = new Object();
    private volatile DefaultRunContext context;

    SourceDriver(EngineEnv env, RunRecord run, SourceProtocol protocol) {
        super(env, run, protocol);
    }

    @Override
    void closeStream() {
        DefaultRunContext ctx = context;
        if (ctx != null) {
            ctx.requestStop();
            log.info("stop streaming requested: the output closes after this look");
        }
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    protected void process(Parameters params) throws Exception {
        DefaultRunContext ctx = context(params);
        context = ctx;
        Set<String> known = env.store().recordedKeys(run.id());
        long maxId = 0;
        for (Slot out : protocol.descriptor().outputs()) {
            maxId = Math.max(maxId, env.store().maxItemId(setName(out.name())));
        }
        if (!known.isEmpty()) {
            log.info("resuming: " + known.size() + " inputs already recorded");
        }
        Emitter emitter = new Emitter(ctx, known, maxId + 1);
        try (Source source = ((SourceProtocol) protocol).open(ctx)) {
            while (true) {
                if (isAborting()) {
                    throw new InterruptedException();
                }
                Poll poll = source.poll(emitter);
                if (poll.done()) {
                    return;
                }
                synchronized (wake) {
                    if (!ctx.isStopRequested()) {
                        long millis = Math.max(1, poll.delay().toMillis());
                        wake.wait(millis);
                    }
                }
            }
        }
    }

    /** Commits what the source finds. Used from the driver thread only. */
    private final class Emitter implements SourceContext {
        private final RunContext ctx;
        private final Set<String> known;
        private long nextId;

        Emitter(RunContext ctx, Set<String> known, long nextId) {
            this.ctx = ctx;
            this.known = known;
            this.nextId = nextId;
        }

        @Override
        public RunContext run() {
            return ctx;
        }

        @Override
        public boolean isKnown(String key) {
            return known.contains(key);
        }

        @Override
        public long nextId() {
            return nextId;
        }

        @Override
        public boolean emit(String key, String slot, Item item) {
            Slot out = protocol.descriptor().output(slot).orElseThrow(() -> new IllegalArgumentException(
                    "output '" + slot + "' is not declared by " + protocol.descriptor().id()));
            if (!out.itemType().isInstance(item)) {
                throw new IllegalArgumentException("output '" + slot + "' takes " + out.itemType().getSimpleName());
            }
            if (known.contains(key)) {
                return false;
            }
            boolean committed = env.store().commit(run.id(), key, null, "done", Map.of(setName(slot), List.of(item)),
                    null, null, 0, env.registry().providerOf(protocol));
            known.add(key);
            nextId = Math.max(nextId, item.id() + 1);
            return committed;
        }

        @Override
        public void fail(String key, String reason) {
            if (known.add(key)) {
                log.warn(key + ": " + reason);
                env.store().commit(run.id(), key, null, "failed", Map.of(), reason, null, 0,
                        env.registry().providerOf(protocol));
            }
        }
    }
}
