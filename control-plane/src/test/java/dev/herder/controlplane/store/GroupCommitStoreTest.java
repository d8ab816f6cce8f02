package dev.herder.controlplane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.objects.AdmissionTest;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes acknowledged by the group-commit durable store are on disk: a node started again on the folder has them all. */
class GroupCommitStoreTest {
    private static final int WRITES = 300;
    private static final StoreKeys KEYS = new StoreKeys(8);

    @TempDir
    Path dir;

    private ActorTestKit start() {
        // A folder not ending in "ddata", so that the store does not add the (random) port to it.
        return TestNode.start(dir, "pekko.cluster.distributed-data.durable.lmdb.dir = \"" + dir.resolve("store") + "\"");
    }

    @Test
    void everyAcknowledgedWriteOfABurstIsReadBackAfterARestart() {
        Map<String, Pod> written = new HashMap<>();
        ActorTestKit kit = start();
        try {
            StoreWrites writes = StoreWrites.of(kit.system(), Duration.ofDays(1));
            TestProbe<Replicator.UpdateResponse<ObjectBucket>> acks = kit.createTestProbe();
            var replicator = DistributedData.get(kit.system()).replicator();
            for (int i = 0; i < WRITES; i++) {
                String id = "default/pod-" + i;
                Pod pod = AdmissionTest.pod("img:" + i, String.valueOf(i + 1), Map.of("n", String.valueOf(i)));
                written.put(id, pod);
                replicator.tell(new Replicator.Update<>(KEYS.keyFor(Pod.KIND, id), ObjectBucket.EMPTY,
                        Replicator.writeLocal(), acks.getRef(), writes.put(id, pod)));
            }
            replicator.tell(new Replicator.Update<>(KEYS.keyFor(Pod.KIND, "default/pod-7"), ObjectBucket.EMPTY,
                    Replicator.writeLocal(), acks.getRef(), writes.remove("default/pod-7")));
            written.remove("default/pod-7");
            for (int i = 0; i <= WRITES; i++) {
                assertInstanceOf(Replicator.UpdateSuccess.class, acks.receiveMessage(Duration.ofSeconds(20)));
            }
        } finally {
            kit.shutdownTestKit();
        }

        ActorTestKit again = start();
        try {
            TestProbe<Replicator.GetResponse<ObjectBucket>> reads = again.createTestProbe();
            Map<String, ApiObject> read = new HashMap<>();
            List<BucketKey> keys = new ArrayList<>(KEYS.all(Pod.KIND));
            for (BucketKey key : keys) {
                DistributedData.get(again.system()).replicator().tell(new Replicator.Get<>(key, Replicator.readLocal(),
                        reads.getRef()));
                var rsp = reads.receiveMessage(Duration.ofSeconds(20));
                if (rsp instanceof Replicator.GetSuccess<ObjectBucket> ok) {
                    read.putAll(ok.get(key).objects());
                }
            }
            assertEquals(written, read);
        } finally {
            again.shutdownTestKit();
        }
    }
}
