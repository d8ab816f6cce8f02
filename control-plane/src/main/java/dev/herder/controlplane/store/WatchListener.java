package dev.herder.controlplane.store;

import java.util.List;

/** Hears a {@link Store#watch}. Calls never overlap; after onCompacted or onError nothing more comes. */
public interface WatchListener {

    /** Changes in revision order; revision is the store's revision as of this batch (at least the last event's). */
    void onEvents(List<WatchEvent> events, long revision);

    /** The revision the watch started from is older than the store keeps: list again, and watch from that list. */
    void onCompacted(long compactRevision);

    /** The watch ended for another reason (the store is unreachable for longer than the client retries). */
    void onError(StoreException error);
}
