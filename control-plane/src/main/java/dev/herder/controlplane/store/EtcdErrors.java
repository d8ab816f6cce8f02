package dev.herder.controlplane.store;

import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what jetcd throws into {@link StoreException}s whose message says what to check. */
final class EtcdErrors {
    private static final String COMPACTED = "required revision has been compacted";

    private final List<String> endpoints;
    private final Duration requestTimeout;

    EtcdErrors(List<String> endpoints, Duration requestTimeout) {
        this.endpoints = endpoints;
        this.requestTimeout = requestTimeout;
    }

    /** A read or lease grant that failed (nothing it does can have happened twice). */
    StoreException read(String what, Throwable error) {
        Throwable cause = unwrap(error);
        if (isCompacted(cause)) {
            return compacted(what, cause instanceof CompactedException c ? c.getCompactedRevision() : 0);
        }
        return unreachable(what, cause, false);
    }

    /** A read at a revision older than etcd keeps; compactRevision 0: not known. */
    StoreException.Compacted compacted(String what, long compactRevision) {
        return new StoreException.Compacted(what + ": the revision asked for is older than etcd keeps (compacted"
                + (compactRevision > 0 ? " at " + compactRevision : "") + "); list again", compactRevision);
    }

    /** A txn that failed after it was sent: unless etcd refused it outright, it may have been carried out. */
    StoreException write(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof EtcdException e && refused(e.getErrorCode())) {
            return new StoreException("etcd refused the write: " + cause.getMessage()
                    + " (check herder.etcd.max-ops-per-txn against the members' --max-txn-ops)", false, cause);
        }
        return unreachable("write", cause, true);
    }

    /** An op whose deadline passed before it was answered. */
    StoreException timeout(String what, boolean sent) {
        return new StoreException(what + ": etcd at " + endpoints + " did not answer within herder.etcd.request-timeout ("
                + requestTimeout.toMillis() + " ms); is a majority of etcd members up?", sent, null);
    }

    StoreException closed(boolean sent) {
        return new StoreException(sent ? "the etcd store was closed before etcd answered" : "the etcd store is closed",
                sent, null);
    }

    static boolean isCompacted(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof CompactedException
                || (cause != null && cause.getMessage() != null && cause.getMessage().contains(COMPACTED));
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private StoreException unreachable(String what, Throwable cause, boolean mayHaveHappened) {
        if (cause instanceof TimeoutException) {
            return timeout(what, mayHaveHappened);
        }
        return new StoreException(what + " failed: etcd at " + endpoints + " answered " + cause
                + "; is a majority of etcd members up?", mayHaveHappened, cause);
    }

    private static boolean refused(ErrorCode code) {
        return code == ErrorCode.INVALID_ARGUMENT || code == ErrorCode.FAILED_PRECONDITION
                || code == ErrorCode.PERMISSION_DENIED || code == ErrorCode.UNAUTHENTICATED
                || code == ErrorCode.OUT_OF_RANGE;
    }
}
