package dev.herder.controlplane.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herder.controlplane.store.Informer;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.RegistryKeys;
import dev.herder.controlplane.store.StoreException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What one control-plane node knows of one kind, for the API's watches (Kubernetes' watch cache): one informer (a
 * list at a revision, then one etcd watch) keeps every object and the last changes, and each client's watch is
 * served from here, so a thousand watchers cost etcd nothing more. A watch from revision R gets every change after
 * R that is still kept, then each new one as it comes; one from 0 gets every object as ADDED first. A revision older
 * than the oldest change kept is {@link TooOld} (HTTP 410 Expired: the client lists again), as Kubernetes answers.
 *
 * <p>A watcher that cannot take an event at once (its queue is full: it reads slower than changes come) is cut off
 * with a reason, so it cannot slow the others or make this node hold changes for it. When the informer has to list
 * again (its watch ended, or fell behind etcd's compaction), every watcher is ended: what it missed is unknown.
 */
public final class WatchCache implements Informer.Listener {

    public enum Type { ADDED, MODIFIED, DELETED }

    /**
     * One change: object as it is now (DELETED: as it was last, at the revision of its deletion), previous as it was before (null: new). It keeps the
     * object's JSON once some watcher has asked for it, so a change fanned out to a thousand watchers is written
     * once, not once per watcher.
     */
    public static final class Event {
        private final Type type;
        private final ApiObject object;
        private final ApiObject previous;
        private final long revision;
        private volatile byte[] json;

        public Event(Type type, ApiObject object, ApiObject previous, long revision) {
            this.type = type;
            this.object = object;
            this.previous = previous;
            this.revision = revision;
        }

        public Type type() {
            return type;
        }

        public ApiObject object() {
            return object;
        }

        public ApiObject previous() {
            return previous;
        }

        public long revision() {
            return revision;
        }

        /** The object as JSON, written the first time it is asked for (racing writers write the same bytes). */
        public byte[] objectJson() {
            byte[] written = json;
            if (written == null) {
                try {
                    written = Json.mapper().writeValueAsBytes(object);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write " + object.kind() + " as JSON", e);
                }
                json = written;
            }
            return written;
        }

        @Override
        public String toString() {
            return type + " " + (object == null ? null : object.key()) + " at " + revision;
        }
    }

    /** One client's watch, fed by the cache. */
    public interface Watcher {
        /** Takes an event at once, or says it cannot (then it is cut off). */
        boolean offer(Event event);

        /** The watch ended: the reason says why (the client should list again). */
        void ended(String reason);
    }

    /** The revision a watch asked for is older than the changes this node keeps. */
    public static final class TooOld extends RuntimeException {
        public TooOld(String message) {
            super(message);
        }
    }

    private final String kind;
    private final int capacity;
    private final Informer informer;
    private final Map<String, ApiObject> objects = new HashMap<>();
    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private final Set<Watcher> watchers = new LinkedHashSet<>();
    private final CompletableFuture<WatchCache> ready = new CompletableFuture<>();
    /** Every change after this revision is in recent. */
    private long oldest;
    private long revision;
    private boolean listed;

    private WatchCache(ObjectStore store, String kind, int capacity, long fromRevision) {
        this.kind = kind;
        this.capacity = capacity;
        this.informer = Informer.start(store, kind, this, fromRevision);
    }

    /** Starts the cache of a kind with its list read at fromRevision (0: now); ready once it is listed. */
    static WatchCache start(ObjectStore store, String kind, int capacity, long fromRevision) {
        return new WatchCache(store, kind, capacity, fromRevision);
    }

    /** Completes when the first list is in; fails with {@link TooOld} when the revision asked was compacted. */
    CompletionStage<WatchCache> ready() {
        return ready;
    }

    public String kind() {
        return kind;
    }

    /** The revision the cache is current at. */
    public synchronized long revision() {
        return revision;
    }

    /**
     * Starts a watch after fromRevision (0: every object now, as ADDED), handing the watcher the changes kept
     * since, then each new one; a revision older than those kept is {@link TooOld}. Answered with the revision the
     * cache was at.
     */
    public synchronized long watch(long fromRevision, Watcher watcher) {
        if (fromRevision != 0 && fromRevision < oldest) {
            throw new TooOld("too old resource version: " + fromRevision + " (" + oldest + "): the changes of "
                    + RegistryKeys.prefix(kind, null) + " this node keeps start after " + oldest + "; list again");
        }
        List<Event> replay = new ArrayList<>();
        if (fromRevision == 0) {
            objects.values().forEach(o -> replay.add(new Event(Type.ADDED, o, null, revision)));
        } else {
            recent.stream().filter(e -> e.revision() > fromRevision).forEach(replay::add);
        }
        for (Event e : replay) {
            if (!watcher.offer(e)) {
                watcher.ended("the watcher could not take the changes since " + fromRevision + " at once");
                return revision;
            }
        }
        watchers.add(watcher);
        return revision;
    }

    public synchronized void unwatch(Watcher watcher) {
        watchers.remove(watcher);
    }

    public synchronized int watchers() {
        return watchers.size();
    }

    @Override
    public synchronized void listed(String kind, List<ApiObject> list, long atRevision) {
        if (listed) {
            List<Watcher> ended = new ArrayList<>(watchers);
            watchers.clear();
            ended.forEach(w -> w.ended("this node's watch of " + kind + " had to list again; list again too"));
        }
        objects.clear();
        list.forEach(o -> objects.put(id(o), o));
        recent.clear();
        oldest = atRevision;
        revision = atRevision;
        listed = true;
        ready.complete(this);
    }

    @Override
    public synchronized void changed(String kind, List<Informer.ObjectChange> changes, long atRevision) {
        for (Informer.ObjectChange change : changes) {
            ApiObject previous = change.object() == null ? objects.remove(change.id())
                    : objects.put(change.id(), change.object());
            if (change.object() == null && previous == null) {
                continue; // a removal of what this node never saw
            }
            // as in Kubernetes, a DELETED event's object carries the revision of its deletion, so a client that
            // watches again from the last resourceVersion it saw does not get the changes before it once more
            Event event = change.object() == null ? new Event(Type.DELETED,
                    ObjectCodec.withVersion(previous, Long.toString(change.revision())), previous, change.revision())
                    : new Event(previous == null ? Type.ADDED : Type.MODIFIED, change.object(), previous,
                    change.revision());
            recent.addLast(event);
            if (recent.size() > capacity) {
                oldest = recent.removeFirst().revision();
            }
            publish(event);
        }
        revision = Math.max(revision, atRevision);
    }

    @Override
    public synchronized void failed(String kind, Throwable error) {
        if (!listed && error instanceof StoreException.Compacted) {
            ready.completeExceptionally(new TooOld("the resource version asked for is older than the store keeps"
                    + " (etcd compacted it); list again"));
        }
    }

    private void publish(Event event) {
        List<Watcher> slow = new ArrayList<>();
        for (Watcher w : watchers) {
            if (!w.offer(event)) {
                slow.add(w);
            }
        }
        for (Watcher w : slow) {
            watchers.remove(w);
            w.ended("the watcher fell behind the changes of " + kind + " (it reads slower than they come); watch"
                    + " again from the last revision it got, or list again");
        }
    }

    void close() {
        informer.close();
    }

    private static String id(ApiObject o) {
        return o.metadata().namespace() == null ? o.metadata().name()
                : o.metadata().namespace() + "/" + o.metadata().name();
    }
}
