package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import java.util.Arrays;

/**
 * One entry of an {@link ObjectBucket}: an object's serialized form with the stamp of the write that made it,
 * or a tombstone (no bytes) that remembers a delete until it expires. The object is decoded from its bytes
 * only when someone reads it, and then kept: replicas pass entries on as bytes, so a write costs the nodes
 * that merely store it no decoding.
 */
public final class StoredObject {
    private final long stamp;
    private final long expiresAtMillis;
    private final int serializerId;
    private final String manifest;
    private final byte[] bytes;
    private final StoreCodec codec;
    private volatile ApiObject object;

    StoredObject(long stamp, long expiresAtMillis, int serializerId, String manifest, byte[] bytes, StoreCodec codec,
                 ApiObject object) {
        this.stamp = stamp;
        this.expiresAtMillis = expiresAtMillis;
        this.serializerId = serializerId;
        this.manifest = manifest;
        this.bytes = bytes;
        this.codec = codec;
        this.object = object;
    }

    static StoredObject live(long stamp, StoreCodec.Encoded encoded) {
        return new StoredObject(stamp, 0, encoded.serializerId(), encoded.manifest(), encoded.bytes(), null,
                encoded.object());
    }

    static StoredObject tombstone(long stamp, long expiresAtMillis) {
        return new StoredObject(stamp, expiresAtMillis, 0, "", null, null, null);
    }

    public long stamp() {
        return stamp;
    }

    public boolean isTombstone() {
        return bytes == null;
    }

    long expiresAtMillis() {
        return expiresAtMillis;
    }

    int serializerId() {
        return serializerId;
    }

    String manifest() {
        return manifest;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The object (decoded on first use); null for a tombstone. */
    public ApiObject object() {
        ApiObject o = object;
        if (o == null && bytes != null) {
            o = codec.decode(serializerId, manifest, bytes);
            object = o;
        }
        return o;
    }

    /**
     * Which of two entries for one id wins: the later write (higher stamp). Equal stamps come only from two
     * writers racing in the same microsecond; a delete wins then, else the greater bytes, so every replica
     * picks the same one whichever it merges first.
     */
    static StoredObject winner(StoredObject a, StoredObject b) {
        if (a.stamp != b.stamp) {
            return a.stamp > b.stamp ? a : b;
        }
        if (a.isTombstone() || b.isTombstone()) {
            if (a.isTombstone() && b.isTombstone()) {
                return a.expiresAtMillis >= b.expiresAtMillis ? a : b;
            }
            return a.isTombstone() ? a : b;
        }
        return Arrays.compare(a.bytes, b.bytes) >= 0 ? a : b;
    }
}
