package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.cluster.ddata.DeltaReplicatedData;
import org.apache.pekko.cluster.ddata.ReplicatedData;
import org.apache.pekko.cluster.ddata.ReplicatedDelta;
import scala.Option;

/**
 * A bucket of objects as Distributed Data keeps it: a map from object id to the latest write of it, merged
 * entry by entry, the higher stamp winning (a last-writer-wins map). An object's entity is its only writer and
 * stamps its writes in order, so a merge never has to choose between two users' writes.
 *
 * <p>Why not Pekko's LWWMap: its updates are deltas that need causal delivery, so under a burst of writes a
 * WriteMajority carried the whole bucket, and every replica decoded every object in it on every write. Here a
 * delta is just the entries written, merging them needs no order (taking the higher stamp is idempotent and
 * commutative), so a write sends one object; and entries travel and are stored as bytes, decoded only when read.
 *
 * <p>A delete leaves a tombstone so that a replica still holding the object cannot bring it back by merging;
 * the tombstone is dropped once it expires (store.tombstone-ttl), by each replica at its next merge that changes
 * the bucket. A control-plane node away for longer than that must rejoin with an empty data folder (as Pekko asks
 * of nodes away longer than its pruning markers live).
 */
public final class ObjectBucket implements DeltaReplicatedData, ReplicatedDelta {
    public static final ObjectBucket EMPTY = new ObjectBucket(Collections.emptyNavigableMap(), null);

    private final NavigableMap<String, StoredObject> entries;
    /** The entries written since the last {@link #resetDelta()}; null when none. */
    private final NavigableMap<String, StoredObject> delta;

    /**
     * The bytes {@link ObjectBucketSerializer} wrote for these entries, kept while memory allows: Distributed Data
     * serializes one bucket several times (for its digest, the durable store and gossip to each node).
     */
    private volatile SoftReference<byte[]> serialized;

    ObjectBucket(NavigableMap<String, StoredObject> entries, NavigableMap<String, StoredObject> delta) {
        this.entries = entries;
        this.delta = delta;
    }

    /** The serialized entries, when this instance was serialized before and they are still kept; else null. */
    byte[] serializedEntries() {
        SoftReference<byte[]> kept = serialized;
        return kept == null ? null : kept.get();
    }

    void keepSerializedEntries(byte[] bytes) {
        serialized = new SoftReference<>(bytes);
    }

    /** The object with this id, written at a stamp after every earlier write of it (nowMicros, or later). */
    public ObjectBucket put(String id, StoreCodec.Encoded encoded, long nowMicros) {
        return with(id, StoredObject.live(nextStamp(id, nowMicros), encoded));
    }

    /** Removes the object with this id, leaving a tombstone until expiresAtMillis. */
    public ObjectBucket remove(String id, long nowMicros, long expiresAtMillis) {
        StoredObject was = entries.get(id);
        if (was == null || was.isTombstone()) {
            return this;
        }
        return with(id, StoredObject.tombstone(nextStamp(id, nowMicros), expiresAtMillis));
    }

    public Optional<ApiObject> get(String id) {
        StoredObject e = entries.get(id);
        return e == null || e.isTombstone() ? Optional.empty() : Optional.of(e.object());
    }

    /** Every object held, by id in id order. */
    public Map<String, ApiObject> objects() {
        Map<String, ApiObject> out = new LinkedHashMap<>();
        entries.forEach((id, e) -> {
            if (!e.isTombstone()) {
                out.put(id, e.object());
            }
        });
        return out;
    }

    /** Entries and tombstones, for the serializer and tests. */
    NavigableMap<String, StoredObject> entries() {
        return entries;
    }

    private long nextStamp(String id, long nowMicros) {
        StoredObject was = entries.get(id);
        return was == null ? nowMicros : Math.max(nowMicros, was.stamp() + 1);
    }

    private ObjectBucket with(String id, StoredObject entry) {
        TreeMap<String, StoredObject> all = new TreeMap<>(entries);
        all.put(id, entry);
        TreeMap<String, StoredObject> written = delta == null ? new TreeMap<>() : new TreeMap<>(delta);
        written.put(id, entry);
        return new ObjectBucket(Collections.unmodifiableNavigableMap(all), Collections.unmodifiableNavigableMap(written));
    }

    @Override
    public ReplicatedData merge(ReplicatedData that) {
        return mergeAt((ObjectBucket) that, System.currentTimeMillis());
    }

    /**
     * This bucket and that one, each id's winning entry kept. A merge that changes nothing returns this bucket
     * without looking further; one that changes something copies the map anyway, and drops the tombstones expired
     * before nowMillis as it does, so expiry is never looked for on the merges (most of them) that change nothing.
     */
    ObjectBucket mergeAt(ObjectBucket that, long nowMillis) {
        TreeMap<String, StoredObject> won = new TreeMap<>();
        that.entries.forEach((id, theirs) -> {
            StoredObject mine = entries.get(id);
            if (mine == null ? !expired(theirs, nowMillis) : mine != theirs && StoredObject.winner(mine, theirs) == theirs) {
                won.put(id, theirs);
            }
        });
        if (won.isEmpty()) {
            return delta == null ? this : new ObjectBucket(entries, null);
        }
        TreeMap<String, StoredObject> all = new TreeMap<>(entries);
        all.putAll(won);
        all.values().removeIf(e -> expired(e, nowMillis));
        return new ObjectBucket(Collections.unmodifiableNavigableMap(all), null);
    }

    private static boolean expired(StoredObject e, long nowMillis) {
        return e.isTombstone() && e.expiresAtMillis() < nowMillis;
    }

    @Override
    public Option<ReplicatedDelta> delta() {
        return delta == null ? Option.empty() : Option.<ReplicatedDelta>apply(new ObjectBucket(delta, null));
    }

    @Override
    public ReplicatedData mergeDelta(ReplicatedDelta thatDelta) {
        return merge(thatDelta);
    }

    @Override
    public ReplicatedData resetDelta() {
        return delta == null ? this : new ObjectBucket(entries, null);
    }

    @Override
    public DeltaReplicatedData zero() {
        return EMPTY;
    }

    @Override
    public String toString() {
        return "ObjectBucket(" + entries.size() + " entries)";
    }
}
