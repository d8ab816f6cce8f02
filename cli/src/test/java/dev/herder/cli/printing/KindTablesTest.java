package dev.herder.cli.printing;

import static dev.herder.cli.TestObjects.node;
import static dev.herder.cli.TestObjects.pendingPod;
import static dev.herder.cli.TestObjects.rc;
import static dev.herder.cli.TestObjects.runningPod;
import static dev.herder.cli.TestObjects.service;
import static dev.herder.cli.TestObjects.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.cli.CliRun;
import dev.herder.cli.TestObjects;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.printing.PodSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindTablesTest {

    private static String table(String kind, boolean wide, ApiObject... items) {
        return ObjectOutput.table(kind, List.of(items), wide, false, CliRun.NOW);
    }

    @Test
    void eventsAreListedOldestFirstWithTheirObject() {
        ApiObject later = TestObjects.event("web-1", "Normal", "Scheduled", "assigned", 1, "2026-01-01T00:09:00Z",
                "2026-01-01T00:09:00Z");
        ApiObject earlier = TestObjects.event("web-1", "Warning", "FailedScheduling", "no nodes", 4,
                "2026-01-01T00:05:00Z", "2026-01-01T00:08:30Z");
        assertEquals("""
                LAST SEEN   TYPE      REASON             OBJECT      MESSAGE
                90s         Warning   FailedScheduling   pod/web-1   no nodes
                60s         Normal    Scheduled          pod/web-1   assigned
                """, table(dev.herder.protocol.api.Event.KIND, false, later, earlier));
        assertEquals("""
                LAST SEEN   TYPE      REASON             OBJECT      MESSAGE    SOURCE              FIRST SEEN   COUNT   NAME
                90s         Warning   FailedScheduling   pod/web-1   no nodes   default-scheduler   5m           4       web-1.failedscheduling
                60s         Normal    Scheduled          pod/web-1   assigned   default-scheduler   60s          1       web-1.scheduled
                """, table(dev.herder.protocol.api.Event.KIND, true, later, earlier));
    }

    @Test
    void podsShowReadyStatusRestartsAndAge() {
        assertEquals("""
                NAME    READY   STATUS    RESTARTS   AGE
                web-1   1/1     Running   2          10m
                web-2   0/1     Pending   0          10m
                """, table(Pod.KIND, false, runningPod("web-1"), pendingPod("web-2")));
    }

    @Test
    void widePodsAddIpAndNode() {
        assertEquals("""
                NAME    READY   STATUS    RESTARTS   AGE   IP           NODE
                web-1   1/1     Running   2          10m   127.0.0.11   node-1
                web-2   0/1     Pending   0          10m   <none>       <none>
                """, table(Pod.KIND, true, runningPod("web-1"), pendingPod("web-2")));
    }

    @Test
    void podStatusIsTheReasonWhenSetElseThePhase() {
        Pod pod = runningPod("web-1");
        PodStatus s = pod.status();
        Pod evicted = pod.withStatus(new PodStatus("Failed", null, "node died", "NodeLost", null, null, null, List.of()));
        Pod pulling = pod.withStatus(new PodStatus("Pending", null, null, null, s.hostIP(), null, null,
                List.of(waiting("web", "ErrImagePull"))));

        assertEquals("NodeLost", PodSummary.status(evicted));
        assertEquals("ErrImagePull", PodSummary.status(pulling));
        assertEquals("0/1", PodSummary.readyContainers(pulling) + "/" + PodSummary.containerCount(pulling));
    }

    @Test
    void podBeingDeletedIsTerminating() {
        Pod pod = runningPod("web-1");
        ObjectMeta m = pod.metadata();
        Pod deleting = pod.withMetadata(new ObjectMeta(m.name(), null, m.namespace(), null, null, m.uid(), "2", 1L,
                m.creationTimestamp(), "2026-01-01T00:09:00Z", null));

        assertEquals("Terminating", PodSummary.status(deleting));
    }

    @Test
    void replicationControllersShowDesiredCurrentReady() {
        assertEquals("""
                NAME    DESIRED   CURRENT   READY   AGE
                nginx   3         3         2       10m
                """, table(ReplicationController.KIND, false, rc("nginx", 3, 3, 2)));
        assertEquals("""
                NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES    SELECTOR
                nginx   3         3         2       10m   web          nginx:1   app=nginx
                """, table(ReplicationController.KIND, true, rc("nginx", 3, 3, 2)));
    }

    @Test
    void servicesShowTypeAddressesAndPorts() {
        assertEquals("""
                NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
                web    ClusterIP   10.0.0.1     <none>        80/TCP    10m
                """, table(Service.KIND, false, service("web")));
    }

    @Test
    void nodesShowReadinessRolesAndVersion() {
        Node cordoned = node("node-2", false);
        ObjectMeta m = cordoned.metadata();
        cordoned = new Node("v1", Node.KIND, new ObjectMeta(m.name(), null, null,
                Map.of("node-role.kubernetes.io/worker", ""), null, m.uid(), "1", 1L, m.creationTimestamp(), null, null),
                new NodeSpec(true, null, null), cordoned.status());

        assertEquals("""
                NAME     STATUS                        ROLES    AGE   VERSION        INTERNAL-IP   OS-IMAGE   CONTAINER-RUNTIME
                node-1   Ready                         <none>   10m   herder-0.1.0   127.0.0.1     linux      docker://27.0
                node-2   NotReady,SchedulingDisabled   worker   10m   herder-0.1.0   127.0.0.1     linux      docker://27.0
                """, table(Node.KIND, true, node("node-1", true), cordoned));
    }

    @Test
    void allNamespacesAddsANamespaceColumnToNamespacedKinds() {
        assertEquals("""
                NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
                default     web-1   1/1     Running   2          10m
                """, ObjectOutput.table(Pod.KIND, List.of(runningPod("web-1")), false, true, CliRun.NOW));
        assertEquals("""
                NAME     STATUS   ROLES    AGE   VERSION
                node-1   Ready    <none>   10m   herder-0.1.0
                """, ObjectOutput.table(Node.KIND, List.of(node("node-1", true)), false, true, CliRun.NOW));
    }

    @Test
    void nameOutputIsKindSlashName() {
        assertEquals("pod/web-1" + System.lineSeparator() + "pod/web-2" + System.lineSeparator(),
                ObjectOutput.render(Pod.KIND, List.of(runningPod("web-1"), pendingPod("web-2")), false,
                        dev.herder.cli.options.OutputFormat.NAME, false, CliRun.NOW));
    }
}
