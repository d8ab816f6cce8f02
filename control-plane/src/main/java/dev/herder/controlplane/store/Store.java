package dev.herder.controlplane.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The one store of a cluster: revisioned keys (etcd v3, as in Kubernetes). No etcd or gRPC type crosses this
 * interface. Every revision is the store's global revision: it grows with every write to any key, and a key's
 * modRevision is the revision of the write that last changed it.
 *
 * <p>Failures come back as a failed stage holding a {@link StoreException}; a write's guard that does not hold
 * is no failure but an {@link Outcome.Conflict}.
 */
public interface Store extends AutoCloseable {

    /** The key as it is now (a linearizable read), or empty. */
    CompletionStage<Optional<Versioned>> get(String key);

    /**
     * Up to limit keys under prefix, in key order, after startAfter (null: from the first), as they were at
     * revision (0: now). The page says the revision it was read at; reading the next page at that revision gives
     * a consistent list however many pages it takes. A revision older than the store keeps fails with
     * {@link StoreException.Compacted}.
     *
     * <p>startAfter is the last key already read without prefix (the key is prefix + startAfter), so a continue
     * token need not repeat the prefix; limit 0 or less: no limit.
     */
    CompletionStage<Page> list(String prefix, String startAfter, long revision, int limit);

    /**
     * Carries out the ops, each guarded on its own, and answers one outcome per op, in the same order. Ops of
     * many callers arriving together share store transactions (that is the throughput), but no op's outcome
     * depends on another's: a conflict on one key fails only that op. Nothing is answered Written before the
     * store acknowledged it. Two ops of one call must name different keys.
     */
    CompletionStage<List<Outcome>> commit(List<Op> ops);

    /** One op alone: {@link #commit} of a list of one. */
    default CompletionStage<Outcome> commit(Op op) {
        return commit(List.of(op)).thenApply(outcomes -> outcomes.get(0));
    }

    /**
     * Every change under prefix after fromRevision (that is, from fromRevision + 1 on), in revision order, until
     * the returned handle is closed or the listener is told the watch ended ({@link WatchListener#onCompacted}
     * or {@link WatchListener#onError}). Calls to one listener never overlap.
     */
    AutoCloseable watch(String prefix, long fromRevision, WatchListener listener);

    /** A lease that ends ttl after it is granted (keys written with it go then); answered with its id. */
    CompletionStage<Long> grantLease(Duration ttl);

    /** The store's revision now. */
    CompletionStage<Long> revision();

    @Override
    void close();
}
