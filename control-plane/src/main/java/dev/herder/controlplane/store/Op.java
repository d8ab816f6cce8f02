package dev.herder.controlplane.store;

/** One write of a {@link Store#commit}, guarded on its own key. lease 0: none. */
public sealed interface Op {
    String key();

    /** Writes the key only when it does not exist. */
    record Create(String key, byte[] value, long lease) implements Op {
    }

    /** Writes the key only when its modRevision is expectedRevision (which must be above 0). */
    record Update(String key, byte[] value, long expectedRevision, long lease) implements Op {
    }

    /** Writes the key whatever it holds (for what has one writer, or is not precious: events). */
    record Put(String key, byte[] value, long lease) implements Op {
    }

    /** Removes the key when its modRevision is expectedRevision; 0: whatever it holds, if it exists. */
    record Delete(String key, long expectedRevision) implements Op {
    }
}
