package dev.herder.controlplane.objects;

import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.controlplane.store.RegistryKeys;
import dev.herder.controlplane.store.Store;
import dev.herder.controlplane.store.StoreException;
import dev.herder.controlplane.store.Stores;
import dev.herder.controlplane.store.WatchEvent;
import dev.herder.controlplane.store.WatchListener;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This control-plane node's watch of the objects its entities supervise, as Kubernetes' informers feed its
 * controllers: one etcd watch per kind (pods, nodes, replication controllers, services) from the revision the node
 * started at, and each change handed to the entity of that object when it lives on this node (entities register
 * as they start and leave as they stop). Only those changes are decoded. An entity so learns of every write made
 * by others (the API, the scheduler's bind, another node) as it happens, and reads the object itself only when it
 * starts and when a write of its own meets a newer version.
 *
 * <p>A watch that fails is resumed from the last revision it delivered; when that revision has been compacted
 * away, changes may have been missed, so it starts again from the store's revision now and tells every entity
 * of the kind to read its object again ({@link Resync}), which is what a relist is for an informer whose cache is
 * its entities.
 */
public final class LocalWatch implements Extension {
    /** The kinds whose entities are fed. */
    public static final List<String> KINDS = List.of(Pod.KIND, Node.KIND, ReplicationController.KIND, Service.KIND);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LocalWatch.class);
    private static final Id ID = new Id();

    /** What the watch saw of the entity's object: object null means it was removed at revision. */
    public record Observed(ApiObject object, long revision) implements EntityInput {
    }

    /** The watch may have missed changes of the object: read it again. */
    public record Resync() implements EntityInput {
    }

    private final Store store;
    private final Map<String, Map<String, ActorRef<EntityInput>>> entities = new ConcurrentHashMap<>();
    private final Map<String, KindWatch> watches = new ConcurrentHashMap<>();

    LocalWatch(Store store) {
        this.store = store;
        for (String kind : KINDS) {
            entities.put(kind, new ConcurrentHashMap<>());
        }
    }

    public static LocalWatch get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /** Starts the watches (once); changes before the first one starts are the entities' own reads' business. */
    public synchronized void start() {
        for (String kind : KINDS) {
            watches.computeIfAbsent(kind, k -> {
                KindWatch watch = new KindWatch(k);
                watch.fromNow();
                return watch;
            });
        }
    }

    /** The entity of kind/id lives here now: it is told each change of its object from now on. */
    public void register(String kind, String id, ActorRef<EntityInput> entity) {
        Map<String, ActorRef<EntityInput>> ofKind = entities.get(kind);
        if (ofKind != null) {
            ofKind.put(ObjectKey.ofId(kind, id).id(), entity);
        }
    }

    /** The entity stopped (a newer one of the same id may have registered since: that one stays). */
    public void unregister(String kind, String id, ActorRef<EntityInput> entity) {
        Map<String, ActorRef<EntityInput>> ofKind = entities.get(kind);
        if (ofKind != null) {
            ofKind.remove(ObjectKey.ofId(kind, id).id(), entity);
        }
    }

    /** The revision of the last change delivered for kind (0 before its watch started). */
    public long revision(String kind) {
        KindWatch watch = watches.get(kind);
        return watch == null ? 0 : watch.delivered;
    }

    void close() {
        watches.values().forEach(KindWatch::close);
    }

    /** The watch of one kind. */
    private final class KindWatch implements WatchListener {
        private final String kind;
        private final String prefix;
        private final Map<String, ActorRef<EntityInput>> registered;
        private AutoCloseable handle;
        private volatile long delivered;
        private boolean closed;

        KindWatch(String kind) {
            this.kind = kind;
            this.prefix = RegistryKeys.prefix(kind, null);
            this.registered = entities.get(kind);
        }

        /** Watches from the store's revision now, and tells the entities already here to read their object again. */
        void fromNow() {
            store.revision().whenComplete((revision, failure) -> {
                if (failure != null) {
                    retryLater(true);
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    delivered = revision;
                    handle = store.watch(prefix, revision, this);
                }
                registered.values().forEach(entity -> entity.tell(new Resync()));
            });
        }

        private void resume() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                handle = store.watch(prefix, delivered, this);
            }
        }

        private void retryLater(boolean fromNow) {
            CompletableFuture.delayedExecutor(RETRY.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(fromNow ? this::fromNow : this::resume);
        }

        @Override
        public void onEvents(List<WatchEvent> events, long revision) {
            for (WatchEvent event : events) {
                ActorRef<EntityInput> entity = registered.get(event.key().substring(prefix.length()));
                if (entity == null) {
                    continue;
                }
                try {
                    entity.tell(new Observed(event instanceof WatchEvent.Put put ? ObjectCodec.decode(put.kv()) : null,
                            event.revision()));
                } catch (RuntimeException e) {
                    LOG.warn("{}: a stored object could not be read ({}); its entity reads it again", event.key(),
                            e.getMessage());
                    entity.tell(new Resync());
                }
            }
            delivered = Math.max(delivered, revision);
        }

        @Override
        public void onCompacted(long compactRevision) {
            LOG.info("the watch of {} fell behind etcd's compaction (revision {}); every entity of the kind here reads"
                    + " its object again", RegistryKeys.prefix(kind, null), compactRevision);
            fromNow();
        }

        @Override
        public void onError(StoreException error) {
            LOG.warn("the watch of {} failed ({}); resuming from revision {}", prefix, error.getMessage(), delivered);
            retryLater(false);
        }

        synchronized void close() {
            closed = true;
            if (handle != null) {
                try {
                    handle.close();
                } catch (Exception e) {
                    // gone already
                }
            }
        }
    }

    private static final class Id extends ExtensionId<LocalWatch> {
        @Override
        public LocalWatch createExtension(ActorSystem<?> system) {
            LocalWatch watch = new LocalWatch(Stores.get(system).store());
            system.getWhenTerminated().thenRun(watch::close);
            return watch;
        }
    }
}
