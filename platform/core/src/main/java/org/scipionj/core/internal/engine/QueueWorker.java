package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.scipionj.api.item.Item;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.protocol.ItemContext;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.core.internal.store.ItemCodec;
import org.scipionj.core.internal.workflow.ParamValues;

/**
 * What a batch job does on a compute node ({@code scipion worker --batch FILE}): opens the run's protocol with its
 * parameters, processes the batch's items one after another with the plugin's {@link ItemProcessor} (retrying
 * retryable failures as the local executor does), writing files into the run's {@code extra/} folder, and writes
 * one result file per item into the batch folder. It never opens the project database: the server commits the
 * results. Items that already have a result (the batch system restarted the job) are skipped. Thread-safe for one
 * call at a time per batch.
 */
public final class QueueWorker {

    private final ProtocolRegistry registry;
    private final ItemCodec codec;
    private volatile boolean cancelled;

    public QueueWorker(ProtocolRegistry registry, ItemCodec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    /** Asks the worker to stop (the job is cancelled): the item being processed is left without a result. */
    public void cancel() {
        cancelled = true;
    }

    /** Processes a batch file; returns the exit code (0 when every item has a result, even a failure). */
    public int run(Path batchFile, PrintStream out, PrintStream err) throws InterruptedException {
        Path folder = batchFile.toAbsolutePath().getParent();
        QueueBatch.Batch batch;
        try {
            batch = QueueBatch.read(folder, codec);
        } catch (IOException | RuntimeException e) {
            err.println("scipion worker: cannot read batch file " + batchFile + ": " + e.getMessage());
            return 1;
        }
        QueueBatch.Header h = batch.header();
        Protocol protocol = awaitProtocol(h.protocolId());
        if (!(protocol instanceof ItemProtocol itemProtocol)) {
            err.println("scipion worker: protocol " + h.protocolId() + " (" + h.className() + ") is "
                    + (protocol == null ? "not installed in this distribution" : "not a per-item protocol")
                    + "; the compute nodes must run the same distribution as the server");
            return 1;
        }
        List<String> problems = new ArrayList<>();
        Parameters params = ParamValues.parameters(protocol.descriptor(), h.params(), problems);
        if (!problems.isEmpty()) {
            err.println("scipion worker: invalid parameters of run " + h.runId() + ": " + String.join("; ", problems));
            return 1;
        }
        RunLogFile log = new RunLogFile(folder.resolve("worker.log"));
        DefaultRunContext ctx = new DefaultRunContext(h.runId(), params, h.runDir(), Math.max(1, h.threads()), log);
        int done = 0;
        try (ItemProcessor processor = itemProtocol.open(ctx)) {
            for (QueueBatch.Member m : batch.members()) {
                if (cancelled) {
                    break;
                }
                if (QueueBatch.readResult(folder, m.entry().seq(), codec).isPresent()) {
                    continue;
                }
                StringBuilder itemLog = new StringBuilder();
                long start = System.nanoTime();
                ItemResult result = null;
                for (int attempt = 0; attempt <= ItemDriver.RETRIES; attempt++) {
                    result = attempt(processor, new Context(ctx, itemLog, m), m.entry().item(), log);
                    if (result.kind() != ItemResult.Kind.FAILED || !result.retryable()) {
                        break;
                    }
                    itemLog.append("attempt ").append(attempt + 1).append(" failed: ").append(result.reason()).append('\n');
                }
                if (result.kind() == ItemResult.Kind.CANCELLED) {
                    break;
                }
                QueueBatch.writeResult(folder, m.entry().seq(), result, itemLog.toString(),
                        (System.nanoTime() - start) / 1_000_000L, codec);
                done++;
                out.println("item seq " + m.entry().seq() + " (id " + m.entry().item().id() + "): " + result.kind());
            }
        } catch (Exception e) {
            err.println("scipion worker: run " + h.runId() + " (" + h.className() + ") failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
        out.println("scipion worker: " + done + " of " + batch.members().size() + " items processed");
        return cancelled ? 143 : 0;
    }

    private Protocol awaitProtocol(String id) throws InterruptedException {
        long deadline = System.nanoTime() + RunDriver.PROTOCOL_WAIT.toNanos();
        while (true) {
            Optional<Protocol> p = registry.find(id);
            if (p.isPresent() || System.nanoTime() > deadline) {
                return p.orElse(null);
            }
            Thread.sleep(Duration.ofMillis(100).toMillis()); // NB: only while the plugin bundles start
        }
    }

    private ItemResult attempt(ItemProcessor processor, ItemContext context, Item item, RunLogFile log) {
        try {
            ItemResult r = processor.process(context, item);
            return r == null ? ItemResult.failed("the protocol returned no result (a plugin bug)", false) : r;
        } catch (Exception | LinkageError e) {
            if (cancelled || e instanceof InterruptedException) {
                return ItemResult.cancelled();
            }
            log.error("item " + item.id() + " failed", e);
            return ItemResult.failed(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), false);
        }
    }

    /** The per-item context: the run's output folder, and related items from the batch file. */
    private final class Context implements ItemContext {
        private final RunContext run;
        private final StringBuilder itemLog;
        private final QueueBatch.Member member;

        Context(RunContext run, StringBuilder itemLog, QueueBatch.Member member) {
            this.run = run;
            this.itemLog = itemLog;
            this.member = member;
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
            return cancelled;
        }

        @Override
        public void log(String message) {
            synchronized (itemLog) {
                itemLog.append(message).append('\n');
            }
        }

        @Override
        public List<Item> related(String inputSlot, long groupId) {
            if (groupId != member.entry().item().groupId()) {
                throw new IllegalArgumentException("a cluster job only has the related items of the item it processes "
                        + "(exposure " + member.entry().item().groupId() + "), not of exposure " + groupId);
            }
            return member.related().getOrDefault(inputSlot, List.of());
        }
    }
}
