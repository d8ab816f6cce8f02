package dev.herder.cli;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateRunning;
import dev.herder.protocol.api.ContainerStateWaiting;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeAddress;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.NodeSystemInfo;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import java.util.List;
import java.util.Map;

/** API objects for tests, made the way the cluster would return them. */
public final class TestObjects {
    /** Ten minutes before {@link CliRun#NOW}. */
    public static final String CREATED = "2026-01-01T00:00:00Z";

    private TestObjects() {
    }

    public static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
        return new ObjectMeta(name, null, namespace, labels, null, "uid-" + name, "1", 1L, CREATED, null, null);
    }

    public static Container container(String name, String image, Integer port) {
        List<ContainerPort> ports = port == null ? null : List.of(new ContainerPort(null, port, null, null, "TCP"));
        return new Container(name, image, null, null, null, null, ports, null, null, null, null, null, null, null, null);
    }

    public static ContainerStatus running(String name, int restarts) {
        return new ContainerStatus(name, true, restarts, "nginx:1", null, "docker://abc", true,
                new ContainerState(null, new ContainerStateRunning("2026-01-01T00:00:05Z"), null), null);
    }

    public static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatus(name, false, 0, "nginx:1", null, null, false,
                new ContainerState(new ContainerStateWaiting(reason, "cannot pull"), null, null), null);
    }

    /** A pod with one container "web" on node-1, running and ready. */
    public static Pod runningPod(String name) {
        PodSpec spec = new PodSpec(List.of(container("web", "nginx:1", 80)), null, null, null, null, "node-1",
                null, null, null, null);
        PodStatus status = new PodStatus("Running", List.of(new PodCondition("Ready", "True", null, null, null, null)),
                null, null, "127.0.0.1", "127.0.0.11", "2026-01-01T00:00:01Z", List.of(running("web", 2)));
        return new Pod("v1", Pod.KIND, meta(name, "default", Map.of("app", "web")), spec, status);
    }

    public static Pod pendingPod(String name) {
        PodSpec spec = new PodSpec(List.of(container("web", "nginx:1", null)), null, null, null, null, null,
                null, null, null, null);
        return new Pod("v1", Pod.KIND, meta(name, "default", null), spec, null);
    }

    public static ReplicationController rc(String name, int desired, int current, int ready) {
        PodTemplateSpec template = new PodTemplateSpec(meta(null, null, Map.of("app", name)),
                new PodSpec(List.of(container("web", "nginx:1", 80)), null, null, null, null, null, null, null, null, null));
        ReplicationControllerSpec spec = new ReplicationControllerSpec(desired, null, Map.of("app", name), template);
        ReplicationControllerStatus status = new ReplicationControllerStatus(current, current, ready, ready, 1L, current);
        return new ReplicationController("v1", ReplicationController.KIND, meta(name, "default", null), spec, status);
    }

    public static Service service(String name) {
        ServiceSpec spec = new ServiceSpec(Map.of("app", "web"),
                List.of(new ServicePort("http", "TCP", 80, IntOrString.of(8080), null)), "ClusterIP", "10.0.0.1", null);
        return new Service("v1", Service.KIND, meta(name, "default", null), spec, null);
    }

    public static Node node(String name, boolean ready) {
        NodeStatus status = new NodeStatus(Map.of("cpu", "4", "memory", "8Gi"), Map.of("cpu", "4"),
                List.of(new NodeCondition("Ready", ready ? "True" : "False", null, null, null, null)),
                List.of(new NodeAddress("InternalIP", "127.0.0.1")),
                new NodeSystemInfo("m1", "linux", "amd64", "herder-0.1.0", "docker://27.0"));
        return new Node("v1", Node.KIND, meta(name, null, null), new NodeSpec(false, null, null), status);
    }

    /** An event about a pod, seen count times from first to last (RFC 3339). */
    public static dev.herder.protocol.api.Event event(String pod, String type, String reason, String message, int count,
                                                     String first, String last) {
        return new dev.herder.protocol.api.Event("v1", dev.herder.protocol.api.Event.KIND,
                meta(pod + "." + reason.toLowerCase(java.util.Locale.ROOT), "default", null),
                new dev.herder.protocol.api.ObjectReference("Pod", "default", pod, pod + "-uid", "v1", "1", null), reason,
                message, new dev.herder.protocol.api.EventSource("default-scheduler", null), first, last, count, type);
    }
}
