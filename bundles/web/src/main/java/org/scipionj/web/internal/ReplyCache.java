package org.scipionj.web.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers of read-only API requests kept for a short time, so that many clients polling the same project cost
 * the database one read per interval, not one per client: a status is at most {@link #FRESH_NANOS} old, and a
 * full page of items (sets are append-only, so it never changes) is kept longer. Bounded; cleared by any admin
 * action. Thread-safe.
 */
final class ReplyCache {

    static final long FRESH_NANOS = 500_000_000L;
    static final long STABLE_NANOS = 60_000_000_000L;
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long expires, WebReply reply) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A fresh answer, and whether it can never change. */
    record Fresh(WebReply reply, boolean stable) {
    }

    /** The cached answer for {@code key}, else a fresh one (kept only when 200). */
    WebReply get(String key, Supplier<Fresh> compute) {
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.expires() < 0) {
            return e.reply();
        }
        Fresh fresh = compute.get();
        WebReply reply = fresh.reply();
        boolean stable = fresh.stable();
        if (reply.status() == 200) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // NB: crude but bounded; pages are cheap to recompute
            }
            entries.put(key, new Entry(now + (stable ? STABLE_NANOS : FRESH_NANOS), reply));
        }
        return reply;
    }

    void clear() {
        entries.clear();
    }
}
