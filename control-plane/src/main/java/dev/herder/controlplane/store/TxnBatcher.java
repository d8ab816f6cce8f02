package dev.herder.controlplane.store;

import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: the ops of every caller wait in one queue, and each etcd txn carries up to max-ops-per-txn - 1 of
 * them (and max-bytes-per-txn), each guarded on its own (see {@link Guards}): a conflict fails only its op. While
 * max-txns-in-flight txns are unanswered, new ops wait, so a burst of writes becomes few txns. A txn unanswered for
 * txn-stall-after, while etcd answers others or none, stops counting: one caught in an etcd leader change can stay
 * unanswered until the request timeout, and would otherwise hold up every write of the node behind it.
 *
 * <p>An op never shares a txn with another op on its key (etcd refuses that), nor is it sent while an earlier op on
 * its key is in flight, so ops on one key are carried out in the order they came (but for guarded ops behind a
 * stalled txn: see {@link #waitsForKey}). Every op is answered within
 * request-timeout; answers are completed on the callback executor, never on a gRPC thread.
 */
final class TxnBatcher {
    /** etcd counts a txn's ops plus those of its deepest nested txn against --max-txn-ops; each guard nests one. */
    private final int opsPerTxn;
    private final KV kv;
    private final EtcdSettings settings;
    private final Executor callbacks;
    private final ScheduledExecutorService timer;
    private final EtcdErrors errors;
    private final Deque<Pending> queue = new ArrayDeque<>();
    /** The ops sent and not yet answered, by key. */
    private final Map<String, List<Pending>> keysInFlight = new HashMap<>();
    private final AtomicLong txnsSent = new AtomicLong();
    /** The txns sent and not yet answered (each op's sentNanos says when). */
    private final Set<List<Pending>> txnsInFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    /** When a txn was last answered (or failed), and when the newest txn answered so far was sent (System.nanoTime). */
    private long lastAnswerNanos = System.nanoTime();
    private long newestAnsweredSentNanos = Long.MIN_VALUE;
    private boolean closed;

    TxnBatcher(KV kv, EtcdSettings settings, Executor callbacks, ScheduledExecutorService timer, EtcdErrors errors) {
        this.kv = kv;
        this.opsPerTxn = settings.maxOpsPerTxn() - 1;
        this.settings = settings;
        this.callbacks = callbacks;
        this.timer = timer;
        this.errors = errors;
    }

    CompletionStage<List<Outcome>> commit(List<Op> ops) {
        Set<String> keys = new HashSet<>();
        for (Op op : ops) {
            if (!keys.add(op.key())) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "two ops of one commit name the key " + op.key() + "; commit them one after the other"));
            }
        }
        synchronized (this) {
            if (closed) {
                Outcome failed = new Outcome.Failed(errors.closed(false));
                return CompletableFuture.completedFuture(ops.stream().map(op -> failed).toList());
            }
        }
        List<Pending> pendings = ops.stream().map(this::pending).toList();
        boolean accepted;
        synchronized (this) {
            accepted = !closed;
            if (accepted) {
                queue.addAll(pendings);
            }
        }
        if (!accepted) {
            pendings.forEach(p -> p.answer(new Outcome.Failed(errors.closed(false))));
        }
        pump();
        CompletableFuture<?>[] results = pendings.stream().map(p -> p.result).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(results)
                .thenApplyAsync(done -> pendings.stream().map(p -> p.result.join()).toList(), callbacks);
    }

    /** How many txns were sent so far. */
    long txnsSent() {
        return txnsSent.get();
    }

    /** Answers every op not answered yet as failed (those sent: may have happened). */
    void close() {
        List<Pending> notSent;
        List<Pending> sent;
        synchronized (this) {
            closed = true;
            notSent = new ArrayList<>(queue);
            sent = txnsInFlight.stream().flatMap(List::stream).toList();
            queue.clear();
        }
        notSent.forEach(p -> p.answer(new Outcome.Failed(errors.closed(false))));
        sent.forEach(p -> p.answer(new Outcome.Failed(errors.closed(true))));
    }

    private Pending pending(Op op) {
        Pending p = new Pending(op);
        try {
            ScheduledFuture<?> deadline = timer.schedule(
                    () -> p.answer(new Outcome.Failed(errors.timeout("write of " + op.key(), p.sent))),
                    settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            p.result.whenComplete((outcome, error) -> deadline.cancel(false));
        } catch (RejectedExecutionException closing) {
            p.answer(new Outcome.Failed(errors.closed(false)));
        }
        return p;
    }

    private void pump() {
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                if (closed || queue.isEmpty() || !roomForTxn()) {
                    return;
                }
                batch = takeBatch();
                if (batch.isEmpty()) {
                    return;
                }
                long now = System.nanoTime();
                txnsInFlight.add(batch);
                for (Pending p : batch) {
                    p.sentNanos = now;
                    keysInFlight.computeIfAbsent(p.op.key(), k -> new ArrayList<>(1)).add(p);
                }
            }
            send(batch);
        }
    }

    /**
     * Whether another txn may go: fewer than max-txns-in-flight are unanswered, not counting the stalled ones (see
     * {@link #stalled}).
     */
    private boolean roomForTxn() {
        long now = System.nanoTime();
        int counted = 0;
        for (List<Pending> txn : txnsInFlight) {
            if (!stalled(txn.get(0).sentNanos, now)) {
                counted++;
            }
        }
        return counted < settings.maxTxnsInFlight();
    }

    /**
     * Whether the txn sent at sent (System.nanoTime) is stuck rather than slow: unanswered for txn-stall-after, and
     * either a txn sent after it was answered (etcd went on without it) or none was answered for txn-stall-after
     * (etcd is stuck for this node, as in a leader change). An etcd merely slow under load answers in order, so its
     * txns are not counted out, and it is not sent ever more txns carrying ever fewer ops.
     */
    private boolean stalled(long sent, long now) {
        long stallNanos = settings.txnStallAfter().toNanos();
        return now - sent >= stallNanos && (newestAnsweredSentNanos > sent || now - lastAnswerNanos >= stallNanos);
    }

    /**
     * Whether op must wait for an earlier op on its key that is still in flight, so that ops on one key are carried
     * out in the order they came. It need not wait behind one whose txn has stalled (caught in a leader change,
     * it may stay unanswered until the request timeout) when both are guarded: each then succeeds only on the
     * state its writer read, so whichever etcd carries out second becomes a conflict and neither is lost.
     */
    private boolean waitsForKey(Pending op, long now) {
        List<Pending> earlier = keysInFlight.get(op.op.key());
        if (earlier == null) {
            return false;
        }
        for (Pending e : earlier) {
            if (!stalled(e.sentNanos, now) || !guarded(e.op) || !guarded(op.op)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the op succeeds only on the state its writer read (a Put, or a Delete of whatever is there, does not). */
    private static boolean guarded(Op op) {
        return op instanceof Op.Create || op instanceof Op.Update
                || op instanceof Op.Delete delete && delete.expectedRevision() > 0;
    }

    /**
     * Up to max-ops-per-txn - 1 ops and max-bytes-per-txn bytes (one op at least) in queue order, skipping answered
     * ones and those whose key is taken.
     */
    private List<Pending> takeBatch() {
        long now = System.nanoTime();
        List<Pending> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long bytes = 0;
        Iterator<Pending> waiting = queue.iterator();
        while (waiting.hasNext() && batch.size() < opsPerTxn) {
            Pending p = waiting.next();
            if (p.result.isDone()) {
                waiting.remove();
            } else if (!keys.contains(p.op.key()) && !waitsForKey(p, now)) {
                if (!batch.isEmpty() && bytes + p.bytes > settings.maxBytesPerTxn()) {
                    break;
                }
                keys.add(p.op.key());
                bytes += p.bytes;
                waiting.remove();
                batch.add(p);
            }
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        batch.forEach(p -> p.sent = true);
        txnsSent.incrementAndGet();
        try {
            // should it stall, what waits behind it may go then
            timer.schedule(this::pump, settings.txnStallAfter().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // closing: nothing more is sent
        }
        CompletableFuture<TxnResponse> answer;
        try {
            answer = Guards.txn(kv.txn(), batch.stream().map(p -> p.op).toList()).commit();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.orTimeout(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .whenCompleteAsync((response, error) -> settle(batch, response, error), callbacks);
    }

    private void settle(List<Pending> batch, TxnResponse response, Throwable error) {
        if (error != null) {
            Outcome failed = new Outcome.Failed(errors.write(error));
            batch.forEach(p -> p.answer(failed));
        } else {
            List<Outcome> outcomes = Guards.outcomes(batch.stream().map(p -> p.op).toList(), response);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(outcomes.get(i));
            }
        }
        synchronized (this) {
            txnsInFlight.remove(batch);
            lastAnswerNanos = System.nanoTime();
            newestAnsweredSentNanos = Math.max(newestAnsweredSentNanos, batch.get(0).sentNanos);
            for (Pending p : batch) {
                List<Pending> onKey = keysInFlight.get(p.op.key());
                onKey.remove(p);
                if (onKey.isEmpty()) {
                    keysInFlight.remove(p.op.key());
                }
            }
        }
        pump();
    }

    private static final class Pending {
        final Op op;
        final long bytes;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        volatile boolean sent;
        /** When its txn was sent (System.nanoTime); guarded by the batcher. */
        long sentNanos;

        Pending(Op op) {
            this.op = op;
            this.bytes = Guards.bytes(op);
        }

        void answer(Outcome outcome) {
            result.complete(outcome);
        }
    }
}
