package dev.herder.controlplane.store;

/** What became of one {@link Op}. */
public sealed interface Outcome {

    /** Done; revision is the store revision of the write (the key's new modRevision, or of its removal). */
    record Written(long revision) implements Outcome {
    }

    /**
     * The guard did not hold, and nothing was written: currentRevision is the key's modRevision now (0: it does
     * not exist), so a Create of an existing key, an Update or Delete of a changed or missing one.
     */
    record Conflict(long currentRevision) implements Outcome {
    }

    /** The store did not take the op, or could not say whether it did ({@link StoreException#mayHaveHappened()}). */
    record Failed(StoreException error) implements Outcome {
    }
}
