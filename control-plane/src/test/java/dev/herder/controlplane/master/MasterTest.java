package dev.herder.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.objects.LocalWatch;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.EtcdMembers;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.controlplane.store.TestEtcd;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.manifest.ManifestReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Master and its children on real etcd, each concern seen through what it writes: a pending pod bound to the
 * Ready node, the pods of a node silent for long marked Failed, the pods of a missing controller deleted (and
 * those of a present one kept), service ports reserved.
 */
class MasterTest {
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String NOW = Instant.now().toString();
    private static final String LONG_AGO = Instant.now().minus(Duration.ofHours(1)).toString();
    private static EtcdMembers etcd;
    private static ActorTestKit kit;
    private static ObjectStore store;
    private static ActorRef<Master.Command> master;

    @BeforeAll
    static void start() throws Exception {
        etcd = TestEtcd.start(MasterTest.class, 5987, 5997, 1);
        kit = TestNode.start(etcd.endpointsConfig());
        store = Stores.get(kit.system()).objects();
        // the pods of the present controller are told to its entity, as on a control-plane node
        LocalWatch.get(kit.system()).start();
        Entities.init(kit.system(), TestNode.settings(kit));
        create("""
                apiVersion: v1
                kind: Node
                metadata: {name: ready, uid: uid-node-ready, creationTimestamp: "%1$s"}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: lost, uid: uid-node-lost, creationTimestamp: "%2$s"}
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: present, namespace: default, uid: uid-rc-present, creationTimestamp: "%1$s"}
                spec:
                  replicas: 1
                  selector: {app: present}
                  template:
                    metadata: {labels: {app: present}}
                    spec: {containers: [{name: main, image: img}]}
                """.formatted(NOW, LONG_AGO));
        create(pod("pending", null, null) + pod("on-lost", "lost", null)
                + pod("of-missing", "ready", "missing/uid-rc-missing") + pod("of-present", "ready", "present/uid-rc-present"));
        master = kit.spawn(Master.create(TestNode.settings(kit)), "master");
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        etcd.close();
    }

    @Test
    void thePendingPodIsBoundToTheReadyNodeAndNotTheLostOne() {
        Pod pod = awaitPod("pending", p -> p.isPresent() && ((Pod) p.get()).spec().nodeName() != null);
        assertEquals("ready", pod.spec().nodeName());
    }

    @Test
    void thePodOfANodeSilentLongerThanTheEvictionTimeoutIsMarkedFailedNodeLost() {
        Pod pod = awaitPod("on-lost", p -> p.isPresent() && ((Pod) p.get()).status() != null
                && "Failed".equals(((Pod) p.get()).status().phase()));
        assertEquals("NodeLost", pod.status().reason());
    }

    @Test
    void thePodsOfAMissingControllerAreDeletedAndThoseOfAPresentOneKept() throws Exception {
        awaitPod("of-missing", Optional::isEmpty);
        Optional<ApiObject> kept = TestEtcd.await(store.get(Pod.KIND, "default", "of-present"));
        assertTrue(kept.isPresent(), "the pod of the controller that exists stays");
    }

    @Test
    void servicePortsAreReservedAndANodePortChosen() {
        TestProbe<MasterProtocol.PortsReserved> reply = kit.createTestProbe();
        reply.awaitAssert(WITHIN, Duration.ofMillis(200), () -> {
            master.tell(new MasterProtocol.ReservePorts("default/web", "NodePort",
                    List.of(new ServicePort("http", "TCP", 8080, null, null)), reply.getRef()));
            MasterProtocol.PortsReserved reserved = reply.receiveMessage(Duration.ofSeconds(5));
            assertNull(reserved.error(), "refused: " + reserved.error());
            assertNotNull(reserved.ports().get(0).nodePort(), "a node port is chosen");
            return null;
        });
        TestProbe<MasterProtocol.Location> where = kit.createTestProbe();
        master.tell(new MasterProtocol.WhereAreYou(where.getRef()));
        assertTrue(where.receiveMessage().hostPort().startsWith("127.0.0.1:"));
    }

    private static Pod awaitPod(String name, java.util.function.Predicate<Optional<ApiObject>> done) {
        TestProbe<Object> probe = kit.createTestProbe();
        return probe.awaitAssert(WITHIN, Duration.ofMillis(200), () -> {
            Optional<ApiObject> found = TestEtcd.await(store.get(Pod.KIND, "default", name));
            assertTrue(done.test(found), "pod " + name + " is not yet as expected: " + found);
            return found.map(Pod.class::cast).orElse(null);
        });
    }

    /**
     * A pod YAML document: node null = pending (a bound one is Running); owner "name/uid" of a replication
     * controller, or null.
     */
    private static String pod(String name, String node, String owner) {
        String[] rc = owner == null ? null : owner.split("/");
        return """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: default
                  uid: uid-pod-%s
                  creationTimestamp: "%s"
                  labels: {app: %s}
                %s
                spec:
                  containers: [{name: main, image: img}]
                %s
                """.formatted(name, name, NOW, rc == null ? "none" : rc[0],
                rc == null ? "" : "  ownerReferences: [{apiVersion: v1, kind: ReplicationController, name: " + rc[0]
                        + ", uid: " + rc[1] + ", controller: true}]",
                node == null ? "" : "  nodeName: " + node);
    }

    /** Creates the objects of yaml (which, as a manifest, has no status: nodes and bound pods are given theirs). */
    private static void create(String yaml) throws Exception {
        for (ApiObject read : ManifestReader.read(yaml, "MasterTest").objects()) {
            ApiObject o = read;
            if (o instanceof Node node) {
                boolean lost = "lost".equals(node.metadata().name());
                o = node.withStatus(new NodeStatus(Map.of("cpu", "2", "memory", "4Gi", "pods", "10"), null,
                        List.of(new NodeCondition("Ready", lost ? "Unknown" : "True", null, null, lost ? LONG_AGO : NOW,
                                lost ? LONG_AGO : NOW)), null, null));
            } else if (o instanceof Pod pod && pod.spec().nodeName() != null) {
                o = pod.withStatus(new PodStatus("Running", null, null, null, null, null, NOW, null));
            }
            assertInstanceOf(Result.Stored.class, TestEtcd.await(store.commit(new Change.Create(o))), o.key());
        }
    }
}
