package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/** Turns API objects into the bytes an {@link ObjectBucket} keeps, with Pekko's serializer for them (Jackson CBOR). */
public final class StoreCodec {
    /** An object with its serialized form. */
    public record Encoded(int serializerId, String manifest, byte[] bytes, ApiObject object) {
    }

    private final Serialization serialization;

    public StoreCodec(ActorSystem system) {
        this.serialization = SerializationExtension.get(system);
    }

    public static StoreCodec of(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        return new StoreCodec(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system));
    }

    public Encoded encode(ApiObject object) {
        Serializer serializer = serialization.findSerializerFor(object);
        return new Encoded(serializer.identifier(), Serializers.manifestFor(serializer, object),
                serializer.toBinary(object), object);
    }

    ApiObject decode(int serializerId, String manifest, byte[] bytes) {
        return (ApiObject) serialization.deserialize(bytes, serializerId, manifest).get();
    }
}
