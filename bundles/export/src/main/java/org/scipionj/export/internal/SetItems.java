package org.scipionj.export.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.item.Item;
import org.scipionj.api.stream.Entry;
import org.scipionj.api.stream.StreamingSet;

/** Reads every committed entry of a set, page by page. Stateless. */
final class SetItems {

    private static final int PAGE = 5000;

    private SetItems() {
    }

    /** One page of entries, in order. */
    interface PageConsumer {
        void accept(List<? extends Entry<? extends Item>> page) throws IOException;
    }

    /** Every entry committed so far, in order. */
    static List<Entry<? extends Item>> entries(StreamingSet<?> set) {
        List<Entry<? extends Item>> all = new ArrayList<>();
        try {
            forEachPage(set, all::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // NB: adding to a list does no I/O
        }
        return all;
    }

    /** Hands every entry committed so far to {@code consumer}, a page at a time. */
    static void forEachPage(StreamingSet<?> set, PageConsumer consumer) throws IOException {
        long after = 0;
        while (true) {
            List<? extends Entry<? extends Item>> page = set.read(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            consumer.accept(page);
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Every item of type {@code type} committed so far, in order. */
    static <T extends Item> List<T> items(StreamingSet<?> set, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Entry<? extends Item> e : entries(set)) {
            out.add(type.cast(e.item()));
        }
        return out;
    }
}
