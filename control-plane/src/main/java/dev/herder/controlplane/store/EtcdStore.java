package dev.herder.controlplane.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Store} over an etcd v3 cluster (jetcd). Reads are linearizable; writes go through the
 * {@link TxnBatcher}'s shared, guarded txns. Every answer is completed on the store's own callback threads, never on
 * gRPC's, and every call fails after herder.etcd.request-timeout. Those threads are few: a caller's continuation
 * must not block on them (hand blocking work to another executor, or use the async variants).
 */
public final class EtcdStore implements Store {
    private static final int CALLBACK_THREADS = 2;
    private static final long COMPACT_LOOKUP_MILLIS = 2000;

    private final Client client;
    private final EtcdSettings settings;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService timer;
    private final EtcdErrors errors;
    private final TxnBatcher batcher;
    private volatile boolean closed;

    private EtcdStore(Client client, EtcdSettings settings) {
        this.client = client;
        this.settings = settings;
        this.callbacks = Executors.newFixedThreadPool(CALLBACK_THREADS, daemons("etcd-store-callback"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("etcd-store-timer"));
        this.errors = new EtcdErrors(settings.endpoints(), settings.requestTimeout());
        this.batcher = new TxnBatcher(client.getKVClient(), settings, callbacks, timer, errors);
    }

    /** A store over the etcd members of settings (the connection opens on first use). */
    public static EtcdStore connect(EtcdSettings settings) {
        Client client = Client.builder()
                .endpoints(settings.endpoints().toArray(String[]::new))
                .connectTimeout(settings.connectTimeout())
                // etcd answers pings more often than every 5 s with GOAWAY (too_many_pings)
                .keepaliveTime(KEEPALIVE_TIME)
                .keepaliveTimeout(KEEPALIVE_TIMEOUT)
                .build();
        return new EtcdStore(client, settings);
    }

    private static final java.time.Duration KEEPALIVE_TIME = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration KEEPALIVE_TIMEOUT = java.time.Duration.ofSeconds(10);

    @Override
    public CompletionStage<Optional<Versioned>> get(String key) {
        return call("get of " + key, () -> client.getKVClient().get(Guards.bytes(key)),
                response -> response.getKvs().stream().findFirst().map(EtcdStore::versioned));
    }

    @Override
    public CompletionStage<Page> list(String prefix, String startAfter, long revision, int limit) {
        byte[] from = (startAfter == null ? prefix : prefix + startAfter + "\0").getBytes(StandardCharsets.UTF_8);
        GetOption.Builder option = GetOption.builder()
                .withRange(ByteSequence.from(rangeEnd(prefix.getBytes(StandardCharsets.UTF_8))))
                .withRevision(revision);
        if (limit > 0) {
            option.withLimit(limit);
        }
        CompletionStage<Page> page = call("list of " + prefix, () -> client.getKVClient().get(ByteSequence.from(from),
                option.build()), response -> new Page(response.getKvs().stream().map(EtcdStore::versioned).toList(),
                revision == 0 ? response.getHeader().getRevision() : revision, response.isMore()));
        return page.exceptionallyCompose(error -> error instanceof StoreException.Compacted compacted
                && compacted.compactRevision() == 0
                ? compactRevision(prefix, revision).thenCompose(at -> CompletableFuture.failedFuture(
                        errors.compacted("list of " + prefix + " at revision " + revision, at)))
                : CompletableFuture.failedFuture(error));
    }

    @Override
    public CompletionStage<List<Outcome>> commit(List<Op> ops) {
        return batcher.commit(ops);
    }

    @Override
    public AutoCloseable watch(String prefix, long fromRevision, WatchListener listener) {
        if (closed) {
            listener.onError(errors.closed(false));
            return () -> { };
        }
        return EtcdWatch.start(client.getWatchClient(), prefix, fromRevision, listener, callbacks, errors);
    }

    @Override
    public CompletionStage<Long> grantLease(Duration ttl) {
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        return call("grant of a lease of " + seconds + " s", () -> client.getLeaseClient().grant(seconds),
                response -> response.getID());
    }

    @Override
    public CompletionStage<Long> revision() {
        return call("read of the revision", () -> client.getKVClient().get(Guards.bytes("/"),
                GetOption.builder().withCountOnly(true).build()), response -> response.getHeader().getRevision());
    }

    /** How many txns the store sent so far (each carries the ops of one or many commits). */
    long txnsSent() {
        return batcher.txnsSent();
    }

    @Override
    public void close() {
        closed = true;
        batcher.close();
        client.close();
        callbacks.shutdown();
        timer.shutdown();
    }

    private <T, R> CompletionStage<R> call(String what, Supplier<CompletableFuture<T>> request,
            Function<T, R> answer) {
        if (closed) {
            return CompletableFuture.failedFuture(errors.closed(false));
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        request.get().orTimeout(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((value, error) -> answerOnCallbacks(() -> {
                    if (error != null) {
                        result.completeExceptionally(errors.read(what, error));
                    } else {
                        try {
                            result.complete(answer.apply(value));
                        } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    }
                }, result));
        return result;
    }

    /** Runs answer on the callback threads; once they are shut down, fails result instead. */
    private void answerOnCallbacks(Runnable answer, CompletableFuture<?> result) {
        try {
            callbacks.execute(answer);
        } catch (RejectedExecutionException shutDown) {
            result.completeExceptionally(errors.closed(true));
        }
    }

    /**
     * etcd's range answer to a compacted revision does not say the compact revision, but a watch from that
     * revision does: it is cancelled at once with it. 0 when that does not come within a short while.
     */
    private CompletionStage<Long> compactRevision(String prefix, long revision) {
        CompletableFuture<Long> found = new CompletableFuture<>();
        Watch.Watcher probe = client.getWatchClient().watch(Guards.bytes(prefix),
                WatchOption.builder().isPrefix(true).withRevision(revision).build(),
                Watch.listener((WatchResponse response) -> {
                    if (!response.getEvents().isEmpty()) {
                        found.complete(0L);
                    }
                }, error -> found.complete(
                        EtcdErrors.unwrap(error) instanceof CompactedException c ? c.getCompactedRevision() : 0L)));
        return found.completeOnTimeout(0L, COMPACT_LOOKUP_MILLIS, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((at, error) -> probe.close(), callbacks);
    }

    private static Versioned versioned(KeyValue kv) {
        return new Versioned(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes(),
                kv.getModRevision(), kv.getCreateRevision());
    }

    /** The first key after every key that starts with prefix ("\0", all keys on, when there is none). */
    static byte[] rangeEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return new byte[] {0};
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
