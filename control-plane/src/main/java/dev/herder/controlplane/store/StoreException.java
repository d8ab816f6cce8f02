package dev.herder.controlplane.store;

/** Why the store did not answer as asked; the message says what to check (the endpoints, a majority of members). */
public class StoreException extends RuntimeException {
    private final boolean mayHaveHappened;

    public StoreException(String message, boolean mayHaveHappened, Throwable cause) {
        super(message, cause);
        this.mayHaveHappened = mayHaveHappened;
    }

    /** Whether a write that failed so may still have been carried out (a timeout after it was sent). */
    public boolean mayHaveHappened() {
        return mayHaveHappened;
    }

    /** A read at a revision older than the store keeps. */
    public static final class Compacted extends StoreException {
        private final long compactRevision;

        public Compacted(String message, long compactRevision) {
            super(message, false, null);
            this.compactRevision = compactRevision;
        }

        public long compactRevision() {
            return compactRevision;
        }
    }
}
