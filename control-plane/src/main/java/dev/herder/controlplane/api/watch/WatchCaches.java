package dev.herder.controlplane.api.watch;

import dev.herder.controlplane.store.ObjectStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The watch caches of one control-plane node, one per kind, each started by the first watch of its kind (listing
 * at the revision that watch asked for, so that its changes since are there) and kept from then on. A cache whose
 * first list failed is dropped, so the next watch starts another.
 */
public final class WatchCaches implements AutoCloseable {
    private final ObjectStore store;
    private final int capacity;
    private final Map<String, WatchCache> caches = new HashMap<>();

    /** capacity: how many of the last changes each kind's cache keeps for watches that start behind. */
    public WatchCaches(ObjectStore store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    /** The kind's cache, once it is listed; started at fromRevision (0: now) if it was not running. */
    public synchronized CompletionStage<WatchCache> of(String kind, long fromRevision) {
        WatchCache cache = caches.get(kind);
        if (cache == null) {
            WatchCache started = WatchCache.start(store, kind, capacity, fromRevision);
            caches.put(kind, started);
            started.ready().whenComplete((done, failure) -> {
                if (failure != null) {
                    drop(kind, started);
                }
            });
            cache = started;
        }
        return cache.ready();
    }

    private synchronized void drop(String kind, WatchCache cache) {
        if (caches.remove(kind, cache)) {
            cache.close();
        }
    }

    @Override
    public synchronized void close() {
        caches.values().forEach(WatchCache::close);
        caches.clear();
    }
}
