package dev.herder.controlplane.store;

/** One change seen by a watch. */
public sealed interface WatchEvent {
    String key();

    long revision();

    /** The key was created or changed. */
    record Put(Versioned kv) implements WatchEvent {
        @Override
        public String key() {
            return kv.key();
        }

        @Override
        public long revision() {
            return kv.modRevision();
        }
    }

    /** The key was removed (or its lease ended) at revision. */
    record Deleted(String key, long revision) implements WatchEvent {
    }
}
