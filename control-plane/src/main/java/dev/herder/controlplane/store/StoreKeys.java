package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;

/**
 * Where objects live in Distributed Data. Each kind is spread over a fixed number of buckets (one
 * LWWMap each, keyed by the object's id), so the store keeps few top-level keys however many objects
 * there are. The owning entity actor is the only writer of an entry, so last-writer-wins never merges
 * two users' writes.
 */
public final class StoreKeys {
    private final int buckets;

    public StoreKeys(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("herder.control-plane.store.buckets must be >= 1, was " + buckets);
        }
        this.buckets = buckets;
    }

    /** The bucket holding the object of this kind and id ("namespace/name", or the name). */
    public Key<LWWMap<String, ApiObject>> keyFor(String kind, String id) {
        return bucket(kind, Math.floorMod(id.hashCode(), buckets));
    }

    public Key<LWWMap<String, ApiObject>> bucket(String kind, int index) {
        return LWWMapKey.<String, ApiObject>create(kind.toLowerCase(Locale.ROOT) + "-" + index);
    }

    /** Every bucket of a kind. */
    public List<Key<LWWMap<String, ApiObject>>> all(String kind) {
        List<Key<LWWMap<String, ApiObject>>> keys = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            keys.add(bucket(kind, i));
        }
        return keys;
    }
}
