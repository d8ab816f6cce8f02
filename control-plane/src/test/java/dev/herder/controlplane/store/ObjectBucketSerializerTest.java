package dev.herder.controlplane.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.objects.AdmissionTest;
import dev.herder.protocol.api.Pod;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bucket goes over the wire and to disk through Herder's serializer, and comes back the same, byte for byte. */
class ObjectBucketSerializerTest {
    @TempDir
    static Path dir;
    private static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = TestNode.start(dir);
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void roundTripsObjectsAndTombstonesThroughTheConfiguredSerializer() {
        StoreWrites writes = StoreWrites.of(kit.system(), java.time.Duration.ofDays(1));
        Pod web = AdmissionTest.pod("img:1", "3", Map.of("app", "web"));
        Pod db = AdmissionTest.pod("img:2", "4", Map.of("app", "db"));
        ObjectBucket bucket = writes.remove("default/gone").apply(
                writes.put("default/gone", db).apply(writes.put("default/db", db).apply(
                        writes.put("default/web", web).apply(ObjectBucket.EMPTY))));

        Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));
        var serializer = serialization.findSerializerFor(bucket);
        assertEquals(ObjectBucketSerializer.class, serializer.getClass());
        byte[] bytes = serializer.toBinary(bucket);
        ObjectBucket back = (ObjectBucket) serialization.deserialize(bytes, serializer.identifier(),
                Serializers.manifestFor(serializer, bucket)).get();

        assertEquals(Map.of("default/web", web, "default/db", db), back.objects());
        assertTrue(back.entries().get("default/gone").isTombstone());
        assertEquals(bucket.entries().get("default/web").stamp(), back.entries().get("default/web").stamp());
        assertArrayEquals(bytes, serializer.toBinary(back), "the same bucket gives the same bytes (digests compare them)");
    }

    @Test
    void aBucketWrittenAfterItWasSerializedGivesTheBytesOfItsNewEntries() {
        StoreWrites writes = StoreWrites.of(kit.system(), java.time.Duration.ofDays(1));
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));
        ObjectBucket one = writes.put("default/web", AdmissionTest.pod("img:1", "3", Map.of("app", "web")))
                .apply(ObjectBucket.EMPTY);
        var serializer = serialization.findSerializerFor(one);
        byte[] first = serializer.toBinary(one);
        assertArrayEquals(first, serializer.toBinary(one), "serialized again");

        ObjectBucket two = writes.put("default/db", AdmissionTest.pod("img:2", "4", Map.of("app", "db"))).apply(one);
        byte[] second = serializer.toBinary(two);
        ObjectBucket back = (ObjectBucket) serialization.deserialize(second, serializer.identifier(),
                Serializers.manifestFor(serializer, two)).get();
        assertEquals(two.objects(), back.objects());
        assertEquals(2, back.objects().size());
        assertArrayEquals(first, serializer.toBinary(one), "the first bucket's bytes are its own still");
    }
}
