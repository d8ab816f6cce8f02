package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The changes writers apply to a bucket inside a Distributed Data update: the object is encoded by the caller,
 * the stamp taken when the replicator applies the change.
 */
public final class StoreWrites {
    private final StoreCodec codec;
    private final Duration tombstoneTtl;

    public StoreWrites(StoreCodec codec, Duration tombstoneTtl) {
        this.codec = codec;
        this.tombstoneTtl = tombstoneTtl;
    }

    public static StoreWrites of(ActorSystem<?> system, Duration tombstoneTtl) {
        return new StoreWrites(StoreCodec.of(system), tombstoneTtl);
    }

    public UnaryOperator<ObjectBucket> put(String id, ApiObject object) {
        StoreCodec.Encoded encoded = codec.encode(object);
        return bucket -> bucket.put(id, encoded, nowMicros());
    }

    public UnaryOperator<ObjectBucket> remove(String id) {
        return bucket -> removeNow(bucket, id);
    }

    /** The bucket with the object put, now (for a change that reads the bucket first). */
    public ObjectBucket putNow(ObjectBucket bucket, String id, ApiObject object) {
        return bucket.put(id, codec.encode(object), nowMicros());
    }

    /** The bucket with the object removed, now. */
    public ObjectBucket removeNow(ObjectBucket bucket, String id) {
        long now = nowMicros();
        return bucket.remove(id, now, now / 1000 + tombstoneTtl.toMillis());
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
