package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replication controllers on simulated nodes: an RC keeps replicas pods of its template running, owned by it
 * and spread over the nodes, scales up and down, and replaces a pod deleted by hand.
 */
class ReplicationControllerTest {
    private static final int BASE_PORT = 4550;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.inFolder("replication-controllers", BASE_PORT, 1);
        cluster.startAllControlPlanes();
        cluster.awaitUp(1, Duration.ofSeconds(60));
        cluster.startSimulatedAgent("rc", 3, 0);
        cluster.awaitReadyNodes(3, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String rc(String name, int replicas) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  replicas: " + replicas + "\n  selector:\n    app: " + name + "\n  template:\n    metadata:\n"
                + "      labels:\n        app: " + name + "\n    spec:\n      containers:\n      - name: main\n"
                + "        image: local/busybox:1\n        command: [\"sleep\", \"3600\"]\n"
                + "        resources:\n          requests:\n            cpu: 10m\n";
    }

    private static void apply(String yaml) {
        ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
        assertTrue(((ApiResponse.Applied) rsp).allSucceeded(), () -> "apply failed: " + rsp);
    }

    private static List<Pod> podsOf(String app) {
        return cluster.<Pod>list(Pod.KIND).stream()
                .filter(p -> p.metadata().labels() != null && app.equals(p.metadata().labels().get("app"))).toList();
    }

    private static List<Pod> awaitRunning(String app, int count) {
        @SuppressWarnings("unchecked") List<Pod>[] seen = new List[1];
        LocalCluster.await(count + " " + app + " pods Running", Duration.ofSeconds(60), () -> {
            seen[0] = podsOf(app);
            // a pod being deleted (Terminating until its agent has stopped it) is not one of them
            return seen[0].size() == count && seen[0].stream().allMatch(p -> p.metadata().deletionTimestamp() == null
                    && p.status() != null && "Running".equals(p.status().phase()));
        });
        return seen[0];
    }

    private static ReplicationController awaitStatus(String name, int replicas, int ready) {
        ReplicationController[] seen = new ReplicationController[1];
        LocalCluster.await(name + " status " + replicas + " replicas, " + ready + " ready", Duration.ofSeconds(30), () -> {
            ApiResponse rsp = cluster.call(new ApiRequest.Get(ReplicationController.KIND, "default", name, null));
            seen[0] = (ReplicationController) ((ApiResponse.Objects) rsp).items().get(0);
            return seen[0].status() != null && seen[0].status().replicas() == replicas
                    && seen[0].status().readyReplicas() == ready;
        });
        return seen[0];
    }

    @Test
    void anRcKeepsItsReplicasRunningOwnedByItAndSpreadOverTheNodes() {
        apply(rc("web", 3));
        List<Pod> pods = awaitRunning("web", 3);
        ReplicationController rc = awaitStatus("web", 3, 3);
        for (Pod p : pods) {
            assertTrue(p.metadata().name().matches("web-[a-z0-9]{5}"), p.metadata().name());
            assertEquals(rc.metadata().uid(), p.metadata().ownerReferences().get(0).uid());
            assertEquals(Boolean.TRUE, p.metadata().ownerReferences().get(0).controller());
        }
        Set<String> nodes = new HashSet<>();
        pods.forEach(p -> nodes.add(p.spec().nodeName()));
        assertEquals(3, nodes.size(), "one replica on each of the 3 nodes: " + nodes);
        assertEquals(rc.metadata().generation(), rc.status().observedGeneration());
    }

    @Test
    void eventsSayWhatTheControllerAndTheSchedulerDid() {
        apply(rc("noted", 2));
        List<Pod> pods = awaitRunning("noted", 2);
        var created = cluster.awaitEvents("involvedObject.name=noted,reason=SuccessfulCreate", 2, Duration.ofSeconds(10));
        assertEquals(pods.stream().map(p -> "Created pod: " + p.metadata().name()).sorted().toList(),
                created.stream().map(dev.herder.protocol.api.Event::message).sorted().toList());
        assertEquals("replication-controller", created.get(0).source().component());
        String pod = pods.get(0).metadata().name();
        cluster.awaitEvents("involvedObject.name=" + pod + ",reason=Scheduled", 1, Duration.ofSeconds(10));

        var described = cluster.herder("describe", "pod", pod);
        assertEquals(0, described.exitCode(), described.err());
        assertTrue(described.out().matches("(?s).*\nEvents:\n  Type +Reason +Age +From +Message\n.*"
                + "  Normal +Scheduled +\\d+s +default-scheduler +Successfully assigned default/" + pod + " to "
                + pods.get(0).spec().nodeName() + "\n.*"), described.out());

        var scaled = cluster.herder("scale", "rc", "noted", "--replicas", "1");
        assertEquals(0, scaled.exitCode(), scaled.err());
        var deleted = cluster.awaitEvents("involvedObject.name=noted,reason=SuccessfulDelete", 1, Duration.ofSeconds(30));
        assertTrue(deleted.get(0).message().startsWith("Deleted pod: noted-"), deleted.get(0).message());
        var listed = cluster.herder("get", "events", "--field-selector", "involvedObject.kind=ReplicationController,"
                + "involvedObject.name=noted");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(4, listed.out().lines().count(), "a header, 2 creates, 1 delete:\n" + listed.out());
        assertTrue(listed.out().contains("replicationcontroller/noted   Deleted pod: noted-"), listed.out());
    }

    @Test
    void anUnschedulablePodsEventSaysWhy() {
        apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: too-big\nspec:\n  containers:\n  - name: main\n"
                + "    image: local/busybox:1\n    resources:\n      requests:\n        cpu: \"64\"\n");
        var failed = cluster.awaitEvents("involvedObject.name=too-big,reason=FailedScheduling", 1,
                Duration.ofSeconds(10)).get(0);
        assertEquals("Warning", failed.type());
        assertEquals("0/3 nodes available: 3 insufficient cpu", failed.message());
        assertEquals("default-scheduler", failed.source().component());
        var warnings = cluster.herder("get", "events", "--field-selector", "type=Warning");
        assertTrue(warnings.out().matches("(?s).*\\n\\d+s +Warning +FailedScheduling +pod/too-big +0/3 nodes available:"
                + " 3 insufficient cpu\\n.*"), warnings.out());
    }

    @Test
    void scalingUpAndDownChangesThePodCount() {
        apply(rc("scaled", 2));
        awaitRunning("scaled", 2);
        apply(rc("scaled", 5));
        awaitRunning("scaled", 5);
        awaitStatus("scaled", 5, 5);
        apply(rc("scaled", 1));
        LocalCluster.await("scaled down to 1 pod", Duration.ofSeconds(30), () -> podsOf("scaled").size() == 1);
        awaitStatus("scaled", 1, 1);
    }

    @Test
    void aPodDeletedByHandIsReplaced() {
        apply(rc("healed", 2));
        List<Pod> before = awaitRunning("healed", 2);
        String victim = before.get(0).metadata().name();
        ApiResponse deleted = cluster.call(new ApiRequest.Delete(Pod.KIND, "default", victim));
        assertTrue(deleted instanceof ApiResponse.Deleted, () -> "delete: " + deleted);
        List<Pod> after = awaitRunning("healed", 2);
        assertTrue(after.stream().noneMatch(p -> p.metadata().name().equals(victim)), "the deleted pod is gone");
        assertNotEquals(before.get(0).metadata().uid(), after.get(0).metadata().uid());
    }

    @Test
    void herderScaleSetsTheReplicasAndSaysWhatIsWrong() {
        apply(rc("cli-scaled", 1));
        awaitRunning("cli-scaled", 1);
        var scaled = cluster.herder("scale", "rc", "cli-scaled", "--replicas", "3");
        assertEquals(0, scaled.exitCode(), scaled.err());
        assertEquals("replicationcontroller/cli-scaled scaled", scaled.out().strip());
        awaitRunning("cli-scaled", 3);
        awaitStatus("cli-scaled", 3, 3);

        var missing = cluster.herder("scale", "rc/no-such-rc", "--replicas", "2");
        assertEquals(1, missing.exitCode());
        assertEquals(List.of("error: replicationcontrollers \"no-such-rc\" not found"), missing.errLines());
        var pods = cluster.herder("scale", "pods", "web", "--replicas", "2");
        assertEquals(1, pods.exitCode());
        assertTrue(pods.err().contains("only replicationcontrollers"), pods.err());
    }

    @Test
    void deletingAnRcDeletesItsPodsUnlessTheyAreOrphaned() {
        apply(rc("cascaded", 2));
        awaitRunning("cascaded", 2);
        var deleted = cluster.herder("delete", "rc", "cascaded");
        assertEquals(0, deleted.exitCode(), deleted.err());
        LocalCluster.await("the deleted rc's pods gone", Duration.ofSeconds(30), () -> podsOf("cascaded").isEmpty());

        apply(rc("orphaning", 2));
        List<Pod> before = awaitRunning("orphaning", 2);
        var orphaned = cluster.herder("delete", "rc", "orphaning", "--cascade=orphan");
        assertEquals(0, orphaned.exitCode(), orphaned.err());
        // well past a background cascade's time: the pods stay, running and owned by nobody
        LocalCluster.await("the orphans unowned", Duration.ofSeconds(20), () -> podsOf("orphaning").stream()
                .allMatch(p -> p.metadata().ownerReferences() == null));
        try {
            Thread.sleep(6000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pod> after = awaitRunning("orphaning", 2);
        assertEquals(before.stream().map(p -> p.metadata().uid()).sorted().toList(),
                after.stream().map(p -> p.metadata().uid()).sorted().toList());

        var bad = cluster.herder("delete", "rc", "whatever", "--cascade=sideways");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("--cascade must be background, foreground or orphan"), bad.err());

        // foreground: the pods go first, and the controller (marked meanwhile) only once they are gone
        apply(rc("foreground", 2));
        awaitRunning("foreground", 2);
        var foreground = cluster.herder("delete", "rc", "foreground", "--cascade=foreground");
        assertEquals(0, foreground.exitCode(), foreground.err());
        assertEquals(List.of(), podsOf("foreground"), "the controller's delete returned before its pods were gone");
        assertTrue(cluster.call(new ApiRequest.Get(ReplicationController.KIND, "default", "foreground", null))
                instanceof ApiResponse.Failure, "the controller is gone once its pods are");
    }
}
