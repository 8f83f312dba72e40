package org.scipionj.core.internal.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.SetState;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.store.SqlStreamingSet;

/**
 * Drives a per-item protocol: reads its first input after a cursor, hands new items to the thread budget in
 * batches of {@code streamingBatchSize} (1 = one at a time, N = full batches, 0 = all available; the remainder
 * when the input closes), commits each result atomically, and ends when the input is closed and drained.
 * On resume, inputs already recorded are skipped.
 */
final class ItemDriver extends RunDriver {

    /** Extra attempts for an item whose failure is marked retryable. */
    static final int RETRIES = 2;
    private static final int READ_CHUNK = 1000;

    private final RelatedItems related;
    private final Object inFlightLock = new Object();
    private int inFlight;
    private volatile boolean cancelling;
    private volatile QueueItemExecutor queue; // NB: null when the run's items are processed on this machine
    /** The bundle (name and version) whose code this run loaded: every item it commits records it. */
    private volatile String providedBy;

    ItemDriver(EngineEnv env, RunRecord run, ItemProtocol protocol) {
        super(env, run, protocol);
        this.related = new RelatedItems(env.store(), run, protocol.descriptor());
    }

    @Override
    protected void onAbort() {
        cancelling = true;
        QueueItemExecutor q = queue;
        if (q != null && !isDetaching()) {
            q.cancel();
        }
    }

    @Override
    protected void process(Parameters params) throws Exception {
        Slot inSlot = protocol.descriptor().inputs().get(0);
        String inputName = run.inputs().get(inSlot.name());
        SqlStreamingSet<? extends Item> input = new SqlStreamingSet<>(env.store(), inputName, inSlot.itemType());
        providedBy = env.registry().providerOf(protocol); // NB: kept when the plugin is uninstalled or updated
        DefaultRunContext ctx = context(params);
        prepareQueue(ctx);
        Set<Long> recorded = env.store().recordedInputs(run.id());
        if (!recorded.isEmpty()) {
            log.info("resuming: " + recorded.size() + " input items already recorded are skipped");
        }
        long batchSize = Math.max(0, run.engineLong("streamingBatchSize", 1));
        try (ItemProcessor processor = queue == null ? ((ItemProtocol) protocol).open(ctx) : null;
             QueueItemExecutor q = openQueue(ctx, params, recorded)) {
            Deque<Entry<? extends Item>> joining = new ArrayDeque<>(); // NB: secondary inputs not there yet
            Deque<Entry<? extends Item>> pending = new ArrayDeque<>();
            long cursor = 0;
            while (true) {
                if (isAborting()) {
                    throw new InterruptedException();
                }
                SetState state = input.state(); // NB: read before the items, so CLOSED means drained below
                long commits = env.store().signals().any().version();
                List<? extends Entry<? extends Item>> fresh = input.read(cursor, READ_CHUNK);
                for (Entry<? extends Item> e : fresh) {
                    cursor = e.seq();
                    if (!recorded.remove(e.seq())) {
                        joining.add(e);
                    }
                }
                // Items are handed to workers only once every secondary input has their exposure, so no worker
                // ever holds budget threads while waiting for another run.
                for (var it = joining.iterator(); it.hasNext(); ) {
                    Entry<? extends Item> e = it.next();
                    if (related.ready(e.item().groupId())) {
                        it.remove();
                        pending.add(e);
                    }
                }
                boolean closedAndRead = state == SetState.CLOSED && fresh.size() < READ_CHUNK;
                dispatch(pending, batchSize, closedAndRead && joining.isEmpty(), processor, ctx, inputName);
                if (closedAndRead && joining.isEmpty() && pending.isEmpty()) {
                    if (q != null) {
                        q.inputDone();
                    }
                    awaitIdle();
                    return;
                }
                if (fresh.size() < READ_CHUNK) {
                    if (joining.isEmpty()) {
                        input.awaitAfter(cursor, Duration.ofSeconds(1));
                    } else {
                        env.store().signals().any().awaitChange(commits, 1000);
                    }
                }
            }
        }
    }

    private void dispatch(Deque<Entry<? extends Item>> pending, long batchSize, boolean inputDone,
                          ItemProcessor processor, RunContext ctx, String inputName) throws InterruptedException {
        while (!pending.isEmpty()) {
            long n = batchSize == 0 ? pending.size() : batchSize;
            if (pending.size() < n && !inputDone) {
                return; // NB: wait for a full batch until the input closes
            }
            for (long i = 0; i < n && !pending.isEmpty(); i++) {
                Entry<? extends Item> entry = pending.poll();
                synchronized (inFlightLock) {
                    inFlight++;
                }
                try {
                    if (queue != null) {
                        queue.add(entry, relatedOf(entry.item()));
                    } else {
                        env.budget().execute(ctx.threads(), () -> processOne(processor, ctx, inputName, entry));
                    }
                } catch (InterruptedException | RuntimeException e) {
                    done();
                    throw e;
                }
            }
        }
    }

    private void processOne(ItemProcessor processor, RunContext ctx, String inputName, Entry<? extends Item> entry) {
        StringBuilder itemLog = new StringBuilder();
        long start = System.nanoTime();
        try {
            ItemResult result = null;
            for (int attempt = 0; attempt <= RETRIES; attempt++) {
                result = attempt(processor, ctx, entry.item(), itemLog);
                if (result.kind() != ItemResult.Kind.FAILED || !result.retryable()) {
                    break;
                }
                itemLog.append("attempt ").append(attempt + 1).append(" failed: ").append(result.reason()).append('\n');
            }
            record(entry, result, itemLog.toString(), (System.nanoTime() - start) / 1_000_000L, inputName);
        } finally {
            done();
        }
    }

    /** Commits the outcome of one input item (its outputs and record) in one transaction. */
    private void record(Entry<? extends Item> entry, ItemResult result, String itemLog, long millis, String inputName) {
        try {
            String key = "seq:" + entry.seq();
            String bundle = providedBy;
            switch (result.kind()) {
                case DONE -> {
                    Map<String, List<Item>> outputs = outputsOf(result);
                    env.store().commit(run.id(), key, entry, "done", outputs, null, itemLog, millis, bundle);
                }
                case FAILED -> {
                    log.warn("item " + entry.item().id() + " of " + inputName + " failed: " + result.reason());
                    env.store().commit(run.id(), key, entry, "failed", Map.of(), result.reason(), itemLog,
                            millis, bundle);
                }
                case CANCELLED -> log.info("item " + entry.item().id() + " cancelled; it will be processed on continue");
            }
        } catch (RuntimeException e) {
            log.error("cannot record item " + entry.item().id() + " of " + inputName, e);
        }
    }

    /**
     * The cluster queue for a run marked {@code _useQueue}, re-attached to the jobs an earlier runtime left
     * (their items join {@code recorded}, counted in flight); null for a run processed on this machine.
     */
    private QueueItemExecutor openQueue(DefaultRunContext ctx, Parameters params, Set<Long> recorded) throws Exception {
        QueueItemExecutor q = queue;
        if (q == null) {
            return null;
        }
        for (Entry<? extends Item> e : q.reattach()) {
            recorded.add(e.seq());
            synchronized (inFlightLock) {
                inFlight++;
            }
        }
        return q;
    }

    /**
     * Creates the queue executor before processing starts, when the run is marked for the queue. A job gets the run's
     * {@code numberOfThreads}, not capped by this machine's cores.
     */
    private void prepareQueue(DefaultRunContext ctx) throws RunFailure {
        java.util.Optional<QueueSettings> settings;
        try {
            settings = QueueSettings.of(run);
        } catch (IllegalArgumentException e) {
            throw new RunFailure(e.getMessage());
        }
        if (settings.isEmpty()) {
            return;
        }
        String wanted = settings.get().overrides().get("EXECUTOR");
        var executor = env.executors().find(wanted).orElseThrow(() -> new RunFailure("run " + run.id()
                + " is marked for the queue (_useQueue) but " + (wanted != null ? "no executor '" + wanted + "'"
                : env.executors().names().isEmpty() ? "no cluster executor" : "more than one executor "
                + env.executors().names() + " and no EXECUTOR in _queueParams") + " is installed; install the "
                + "SLURM executor bundle (org.scipionj.slurm) or set _useQueue to false"));
        String inputName = run.inputs().get(protocol.descriptor().inputs().get(0).name());
        QueueItemExecutor.Sink sink = new QueueItemExecutor.Sink() {
            @Override
            public void finished(Entry<? extends Item> entry, ItemResult result, String log, long millis) {
                try {
                    record(entry, result, log, millis, inputName);
                } finally {
                    done();
                }
            }

            @Override
            public void abandoned(Entry<? extends Item> entry) {
                done();
            }
        };
        try {
            queue = new QueueItemExecutor(new QueueItemExecutor.RunSide(run.id(), run.protocolId(), run.className(),
                    run.params(), (int) Math.max(1, run.engineLong("numberOfThreads", 1)), env.projectDir().toAbsolutePath(), runDir.toAbsolutePath(), log,
                    env.store().codec()), executor.getKey(), executor.getValue(), env.executors(), settings.get(), sink);
        } catch (IllegalArgumentException e) {
            throw new RunFailure("run " + run.id() + ": " + e.getMessage());
        }
        log.info("items go to " + queue.describe());
    }

    /** The item's exposure in every secondary input (they are there: the item passed {@link RelatedItems#ready}). */
    private Map<String, List<Item>> relatedOf(Item item) throws InterruptedException {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        List<Slot> inputs = protocol.descriptor().inputs();
        for (Slot slot : inputs.subList(1, inputs.size())) {
            if (run.inputs().containsKey(slot.name())) {
                out.put(slot.name(), related.of(slot.name(), item.groupId(), () -> cancelling));
            }
        }
        return out;
    }

    private ItemResult attempt(ItemProcessor processor, RunContext ctx, Item item, StringBuilder itemLog) {
        try {
            ItemResult r = processor.process(new Context(ctx, itemLog), item);
            return r == null ? ItemResult.failed("the protocol returned no result (a plugin bug)", false) : r;
        } catch (Exception | LinkageError e) {
            if (cancelling || e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                return ItemResult.cancelled(); // NB: stopped, not failed: it is processed again on resume
            }
            String msg = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            log.error("item " + item.id() + " failed", e);
            return ItemResult.failed(msg, false);
        }
    }

    private Map<String, List<Item>> outputsOf(ItemResult result) {
        Map<String, List<Item>> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Item>> e : result.outputs().entrySet()) {
            Slot slot = protocol.descriptor().output(e.getKey()).orElseThrow(() -> new IllegalStateException(
                    "the protocol returned items for output '" + e.getKey() + "', which its descriptor does not declare"));
            for (Item item : e.getValue()) {
                if (!slot.itemType().isInstance(item)) {
                    throw new IllegalStateException("output '" + slot.name() + "' takes " + slot.itemType().getSimpleName()
                            + " items, the protocol returned " + item.getClass().getSimpleName());
                }
            }
            outputs.put(setName(e.getKey()), new ArrayList<>(e.getValue()));
        }
        return outputs;
    }

    private void done() {
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }

    private void awaitIdle() throws InterruptedException {
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                inFlightLock.wait();
            }
        }
    }

    @Override
    protected void afterAbort() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                try {
                    inFlightLock.wait(100);
                } catch (InterruptedException e) {
                    // NB: keep waiting: items in flight must end (cancelled) before the run is marked aborted
                }
            }
        }
    }

    /** The per-item context handed to the processor. */
    private final class Context implements ItemContext {
        private final RunContext run;
        private final StringBuilder itemLog;

        Context(RunContext run, StringBuilder itemLog) {
            this.run = run;
            this.itemLog = itemLog;
        }

        @Override
        public RunContext run() {
            return run;
        }

        @Override
        public Path outputDir() {
            return run.outputDir();
        }

        @Override
        public boolean isCancelled() {
            return cancelling;
        }

        @Override
        public void log(String message) {
            synchronized (itemLog) {
                itemLog.append(message).append('\n');
            }
        }

        @Override
        public List<Item> related(String inputSlot, long groupId) throws InterruptedException {
            return related.of(inputSlot, groupId, () -> cancelling);
        }
    }
}
