package org.scipionj.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.core.internal.engine.QueueWorker;
import org.scipionj.core.internal.store.ItemCodec;

/**
 * {@code scipion worker --batch FILE}: what a cluster job runs on a compute node (see
 * {@link org.scipionj.core.internal.engine.QueueWorker}). A SIGTERM from the batch system ({@code scancel}, time
 * limit) stops it after the item in progress is abandoned. Added to the command line through the shell's command
 * whiteboard. Thread-safe.
 */
@Component(service = Function.class, property = {"scipion.cli.command=worker",
        "scipion.cli.usage=worker --batch FILE        processes a batch of a run sent to a cluster queue (run by the batch job)"})
public final class WorkerCommand implements Function<String[], Integer> {

    private final ProtocolRegistry registry;
    private final ItemCodec codec = new ItemCodec();

    @Activate
    public WorkerCommand(@Reference ProtocolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer apply(String[] args) {
        Path batch = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--batch") && i + 1 < args.length) {
                batch = Path.of(args[++i]);
            } else if (args[i].startsWith("--batch=")) {
                batch = Path.of(args[i].substring(8));
            }
        }
        if (batch == null || !Files.isRegularFile(batch)) {
            System.err.println("scipion worker: " + (batch == null ? "give the batch file: worker --batch FILE"
                    : "batch file " + batch + " does not exist; the project folder must be on a filesystem the "
                    + "compute nodes share, at the same path"));
            return 1;
        }
        QueueWorker worker = new QueueWorker(registry, codec);
        Thread hook = new Thread(worker::cancel, "scipion-worker-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return worker.run(batch, System.out, System.err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // NB: already shutting down
            }
        }
    }
}
