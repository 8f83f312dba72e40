package org.scipionj.distribution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;

/**
 * Waits for the runtime to reach a state: re-checks a condition on every bundle or service event (and
 * at least every half second, for changes that fire no event) until it reports no problems.
 */
public final class Await {

    private Await() {
    }

    /**
     * @param what     what is awaited, for the failure message
     * @param problems the current problems; an empty list means the state is reached
     * @throws AssertionError listing the remaining problems when {@code timeout} has passed
     */
    public static void until(BundleContext context, Duration timeout, String what, Supplier<List<String>> problems)
            throws InterruptedException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        ServiceListener serviceListener = events::offer;
        BundleListener bundleListener = events::offer;
        context.addServiceListener(serviceListener);
        context.addBundleListener(bundleListener);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                events.clear();
                List<String> current = problems.get();
                if (current.isEmpty()) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(what + " (after " + timeout.toSeconds() + " s):\n  "
                            + String.join("\n  ", current));
                }
                events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
            }
        } finally {
            context.removeServiceListener(serviceListener);
            context.removeBundleListener(bundleListener);
        }
    }
}
