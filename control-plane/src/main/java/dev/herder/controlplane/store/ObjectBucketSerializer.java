package dev.herder.controlplane.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Writes an {@link ObjectBucket} for the wire and for the durable store: its entries in id order, each object
 * as the bytes it was stored as, so writing a bucket copies bytes and never re-encodes an object. The same
 * bucket always gives the same bytes, which Distributed Data's digests rely on. A bucket is immutable, so the bytes
 * written for one are kept with it (see {@link ObjectBucket#serializedEntries()}) and given again: callers only
 * read them, as Pekko's serialization does.
 */
public final class ObjectBucketSerializer extends SerializerWithStringManifest {
    /** Herder's serializer id (Pekko reserves 0-40). */
    public static final int IDENTIFIER = 7401;
    private static final String MANIFEST = "B1";

    private final ExtendedActorSystem system;
    private volatile StoreCodec codec;

    public ObjectBucketSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        return MANIFEST;
    }

    @Override
    public byte[] toBinary(Object o) {
        ObjectBucket bucket = (ObjectBucket) o;
        byte[] known = bucket.serializedEntries();
        if (known != null) {
            return known;
        }
        byte[] written = write(bucket.entries());
        bucket.keepSerializedEntries(written);
        return written;
    }

    /** The entries in id order; the same entries always give the same bytes. */
    private static byte[] write(Map<String, StoredObject> entries) {
        int size = 16;
        for (var e : entries.entrySet()) {
            size += e.getKey().length() + 40 + (e.getValue().isTombstone() ? 0 : e.getValue().bytes().length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (var e : entries.entrySet()) {
                StoredObject s = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(s.stamp());
                out.writeBoolean(s.isTombstone());
                if (s.isTombstone()) {
                    out.writeLong(s.expiresAtMillis());
                } else {
                    out.writeInt(s.serializerId());
                    out.writeUTF(s.manifest());
                    out.writeInt(s.bytes().length);
                    out.write(s.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) {
        if (!MANIFEST.equals(manifest)) {
            throw new IllegalArgumentException("unknown ObjectBucket manifest " + manifest);
        }
        StoreCodec decoder = codec();
        TreeMap<String, StoredObject> entries = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                long stamp = in.readLong();
                if (in.readBoolean()) {
                    entries.put(id, StoredObject.tombstone(stamp, in.readLong()));
                } else {
                    int serializerId = in.readInt();
                    String objectManifest = in.readUTF();
                    byte[] object = new byte[in.readInt()];
                    in.readFully(object);
                    entries.put(id, new StoredObject(stamp, 0, serializerId, objectManifest, object, decoder, null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ObjectBucket(Collections.unmodifiableNavigableMap(entries), null);
    }

    private StoreCodec codec() {
        StoreCodec c = codec;
        if (c == null) {
            c = new StoreCodec(system);
            codec = c;
        }
        return c;
    }
}
