package dev.herder.controlplane.store;

import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
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
        if (refused(cause)) {
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

    /** Whether etcd answered that it will not carry the request out (a timeout or a lost connection: unknown). */
    private static boolean refused(Throwable cause) {
        Status.Code code = cause instanceof EtcdException e
                ? Status.Code.valueOf(e.getErrorCode().name())
                : Status.fromThrowable(cause).getCode();
        return code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION
                || code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED
                || code == Status.Code.OUT_OF_RANGE || code == Status.Code.RESOURCE_EXHAUSTED;
    }
}
