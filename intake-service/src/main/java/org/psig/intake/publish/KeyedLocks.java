package org.psig.intake.publish;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key, held only while some thread uses it: two requests for the same incident in one
 * instance are handled one after the other, requests for different incidents never wait.
 */
final class KeyedLocks<K> {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

    <T> T withLock(K key, Supplier<T> action) {
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        entry.lock.lock();
        try {
            return action.get();
        } finally {
            entry.lock.unlock();
            entries.compute(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    int size() {
        return entries.size();
    }
}
