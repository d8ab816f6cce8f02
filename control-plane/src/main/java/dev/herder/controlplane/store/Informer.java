package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Lists one kind at a revision, then watches every change after it, as Kubernetes' informers do: whoever listens
 * gets the whole kind once ({@link Listener#listed}), then each change in revision order. When the watch's
 * revision has been compacted, or the watch ends, it lists again and tells the listener the whole kind anew.
 */
public final class Informer implements AutoCloseable {
    private static final int PAGE = 1000;
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Hears an informer; calls never overlap. */
    public interface Listener {
        /** Every object of the kind as of revision: what the listener knew before is replaced. */
        void listed(String kind, List<ApiObject> objects, long revision);

        /** Changes after the last call, in revision order. */
        void changed(String kind, List<ObjectChange> changes, long revision);

        /** The list or watch failed; it is tried again by itself. */
        default void failed(String kind, Throwable error) {
        }
    }

    /** One object changed: object null means it was removed; id is "namespace/name" (nodes: the name). */
    public record ObjectChange(String id, ApiObject object, long revision) {
    }

    private final ObjectStore objects;
    private final String kind;
    private final Listener listener;
    private final String prefix;
    private AutoCloseable watch;
    private boolean closed;
    private long epoch;
    /** The revision the next list reads at: the first may be asked for; every later one reads now (0). */
    private long listRevision;

    private Informer(ObjectStore objects, String kind, Listener listener) {
        this.objects = objects;
        this.kind = kind;
        this.listener = listener;
        this.prefix = RegistryKeys.prefix(kind, null);
    }

    public static Informer start(ObjectStore objects, String kind, Listener listener) {
        return start(objects, kind, listener, 0);
    }

    /**
     * As {@link #start(ObjectStore, String, Listener)}, with the first list read at revision (0: now), so that the
     * changes after it come too; a revision the store no longer keeps fails that list with
     * {@link StoreException.Compacted} (told to {@link Listener#failed}), and the informer lists again now.
     */
    public static Informer start(ObjectStore objects, String kind, Listener listener, long revision) {
        Informer informer = new Informer(objects, kind, listener);
        informer.listRevision = revision;
        informer.relist();
        return informer;
    }

    private synchronized void relist() {
        if (closed) {
            return;
        }
        long mine = ++epoch;
        closeWatch();
        long at = listRevision;
        listRevision = 0;
        listAll(at, null, new ArrayList<>()).whenComplete((listed, error) -> {
            synchronized (this) {
                if (closed || mine != epoch) {
                    return;
                }
                if (error != null) {
                    retryLater(mine);
                    tell(() -> listener.failed(kind, error));
                    return;
                }
                listener.listed(kind, listed.objects(), listed.revision());
                watch = objects.store().watch(prefix, listed.revision(), new Watching(mine));
            }
        });
    }

    private record Listed(List<ApiObject> objects, long revision) {
    }

    private CompletionStage<Listed> listAll(long revision, String after, List<ApiObject> into) {
        return objects.list(kind, null, revision, after, PAGE).thenCompose(page -> {
            into.addAll(page.items());
            return page.more() ? listAll(page.revision(), page.lastKey(), into)
                    : CompletableFuture.completedFuture(new Listed(into, page.revision()));
        });
    }

    private void retryLater(long mine) {
        Executor later = CompletableFuture.delayedExecutor(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        later.execute(() -> {
            synchronized (this) {
                if (mine == epoch) {
                    relist();
                }
            }
        });
    }

    private final class Watching implements WatchListener {
        private final long mine;

        Watching(long mine) {
            this.mine = mine;
        }

        @Override
        public void onEvents(List<WatchEvent> events, long revision) {
            List<ObjectChange> changes = new ArrayList<>(events.size());
            for (WatchEvent e : events) {
                String id = e.key().substring(prefix.length());
                changes.add(new ObjectChange(id, e instanceof WatchEvent.Put put ? ObjectCodec.decode(put.kv()) : null,
                        e.revision()));
            }
            synchronized (Informer.this) {
                if (!closed && mine == epoch && !changes.isEmpty()) {
                    listener.changed(kind, changes, revision);
                }
            }
        }

        @Override
        public void onCompacted(long compactRevision) {
            synchronized (Informer.this) {
                if (mine == epoch) {
                    relist();
                }
            }
        }

        @Override
        public void onError(StoreException error) {
            synchronized (Informer.this) {
                if (mine == epoch) {
                    retryLater(mine);
                    tell(() -> listener.failed(kind, error));
                }
            }
        }
    }

    /** Calls the listener about a failure; a listener that throws must not stop the informer trying again. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Informer.class).warn("an informer's listener failed", e);
        }
    }

    private void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // a watch that cannot be closed is gone already
            }
            watch = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        epoch++;
        closeWatch();
    }
}
