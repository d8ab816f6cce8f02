package dev.herder.controlplane.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where objects live in Distributed Data. Each kind is spread over a fixed number of buckets (one
 * {@link ObjectBucket} each, keyed by the object's id), so the store keeps few top-level keys however many
 * objects there are. The owning entity actor is the only writer of an entry, so last-writer-wins never merges
 * two users' writes. Keys are named {@code objects/<kind>/<n>}; earlier versions kept LWWMaps named
 * {@code <kind>-<n>}, which this version does not read.
 */
public final class StoreKeys {
    private final int buckets;
    private final Map<String, Integer> bucketsOfKind;

    /** The same number of buckets for every kind. */
    public StoreKeys(int buckets) {
        this(buckets, Map.of());
    }

    /** buckets for every kind but those named in bucketsOfKind (by kind, as "Pod"). */
    public StoreKeys(int buckets, Map<String, Integer> bucketsOfKind) {
        if (buckets < 1) {
            throw new IllegalArgumentException("herder.control-plane.store.buckets must be >= 1, was " + buckets);
        }
        bucketsOfKind.forEach((kind, n) -> {
            if (n < 1) {
                throw new IllegalArgumentException("herder.control-plane.store.buckets-of-kind." + kind
                        + " must be >= 1, was " + n);
            }
        });
        this.buckets = buckets;
        this.bucketsOfKind = Map.copyOf(bucketsOfKind);
    }

    public static StoreKeys of(dev.herder.controlplane.ControlPlaneSettings settings) {
        return new StoreKeys(settings.storeBuckets(), settings.storeBucketsOfKind());
    }

    private int bucketsOf(String kind) {
        return bucketsOfKind.getOrDefault(kind, buckets);
    }

    /** The bucket holding the object of this kind and id ("namespace/name", or the name). */
    public BucketKey keyFor(String kind, String id) {
        return bucket(kind, Math.floorMod(id.hashCode(), bucketsOf(kind)));
    }

    public BucketKey bucket(String kind, int index) {
        return new BucketKey("objects/" + kind.toLowerCase(Locale.ROOT) + "/" + index);
    }

    /** Every bucket of a kind. */
    public List<BucketKey> all(String kind) {
        int n = bucketsOf(kind);
        List<BucketKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(bucket(kind, i));
        }
        return keys;
    }
}
