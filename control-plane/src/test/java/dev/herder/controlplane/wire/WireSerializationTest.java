package dev.herder.controlplane.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.TestNode;
import dev.herder.controlplane.master.MasterProtocol;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateRunning;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ManagedFieldsEntry;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.fields.FieldSet;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.ContainerAttachReply;
import dev.herder.protocol.wire.ContainerAttachRequest;
import dev.herder.protocol.wire.ContainerExecReply;
import dev.herder.protocol.wire.ContainerExecRequest;
import dev.herder.protocol.wire.ContainerLogsReply;
import dev.herder.protocol.wire.ContainerLogsRequest;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import dev.herder.protocol.wire.LogOptions;
import dev.herder.protocol.wire.NodeHeartbeat;
import dev.herder.protocol.wire.PodAssignments;
import dev.herder.protocol.wire.PodStatusReport;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import dev.herder.protocol.wire.ServiceCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message that crosses a process goes through Pekko's configured serializer (Jackson CBOR) and back. */
class WireSerializationTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() {
        kit = TestNode.start();
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    static Stream<Object> messages() {
        ObjectMeta meta = new ObjectMeta("web", null, "default", Map.of("app", "web"), Map.of("a", "b"), "uid", "12", 1L,
                "2026-11-27T12:00:00Z", null, null, List.of(new ManagedFieldsEntry("kubectl", "Apply", "v1",
                "2026-11-27T12:00:00Z", "FieldsV1", FieldSet.of(List.of(List.of("f:spec", "f:replicas"))).toJson())));
        Pod pod = dev.herder.controlplane.objects.AdmissionTest.pod("img:1", "3", Map.of("app", "web"))
                .withStatus(new PodStatus("Running", List.of(), null, null, "127.0.0.2", "127.0.0.2", "t",
                        List.of(new ContainerStatus("main", true, 0, "img:1", null, "id", true,
                                new ContainerState(null, new ContainerStateRunning("t"), null), null))));
        ReplicationController rc = new ReplicationController("v1", "ReplicationController", meta,
                new ReplicationControllerSpec(3, 0, Map.of("app", "web"), null), null);
        Service svc = new Service("v1", "Service", meta, new ServiceSpec(Map.of("app", "web"),
                List.of(new ServicePort("http", "TCP", 80, IntOrString.of("http"), null)), "ClusterIP", null, "None"), null);
        Node node = new Node("v1", "Node", meta, new NodeSpec(false, null, null),
                new NodeStatus(Map.of("cpu", "4"), Map.of("cpu", "4"), List.of(), List.of(), null));
        var ref = kit.createTestProbe().getRef();
        return Stream.of(
                new ApiRequest.Apply(List.<ApiObject>of(pod, rc, svc, node)),
                new ApiRequest.Get("Pod", "default", null, "app=web"),
                new ApiRequest.Delete("Pod", "default", "web"),
                new ApiRequest.ClusterStatus(),
                new ApiResponse.Applied(List.of(new ApiResponse.ApplyOutcome("Pod", "default", "web", "created", pod, null,
                        List.of("w")))),
                new ApiResponse.Objects("Pod", List.of(pod)),
                new ApiRequest.Get("Event", "default", null, null, "involvedObject.name=web,type=Warning"),
                new ApiResponse.Objects("Event", List.of(new dev.herder.protocol.api.Event("v1", "Event", meta,
                        dev.herder.protocol.api.ObjectReference.to(pod), "Scheduled", "assigned",
                        new dev.herder.protocol.api.EventSource("default-scheduler", null), "t0", "t1", 2, "Normal"))),
                new ApiResponse.Deleted(svc),
                new ApiResponse.Cluster(List.of(new ApiResponse.Member("127.0.0.1:2551", List.of("control-plane"), "Up", true)),
                        "127.0.0.1:2551"),
                new ApiResponse.Failure(ApiError.conflict("stale")),
                new PodStatusReport("default", "web", "uid", "node-1", 7L, pod.status()),
                new dev.herder.protocol.wire.PodTerminated("default", "web", "uid", "node-1"),
                new NodeHeartbeat(node, 5L),
                new NodeHeartbeat(null, 6L),
                new dev.herder.controlplane.master.MasterProtocol.ReservePorts("default/web", "NodePort",
                        svc.spec().ports(), ref.unsafeUpcast()),
                new dev.herder.controlplane.master.MasterProtocol.PortsReserved(svc.spec().ports(), null),
                new ServiceCommand.ObservedBackends(svc, List.of(
                        new ServiceCommand.Backend("web-1", "uid", "node-1",
                                "127.0.0.2", true, Map.of("http", 8080)))),
                new dev.herder.protocol.wire.ServiceRoutes(7L, List.of(new dev.herder.protocol.wire.ServiceRoutes.Route(
                        "default", "web", "svc-uid", "ClientIP", List.of(new dev.herder.protocol.wire.ServiceRoutes.Port("http", 80,
                                30080, List.of(new dev.herder.protocol.wire.ServiceRoutes.Backend("127.0.0.2", 8080,
                                        "web-1"))))))),
                new dev.herder.protocol.wire.EventReport("Pod", "default", "web", "uid", "spec.containers{main}", "kubelet", "node-1",
                        "Warning", "BackOff", "Back-off restarting failed container main", "2026-11-27T10:00:00Z"),
                new PodAssignments("node-1", 9L, false, List.of(pod), List.of("gone-uid")),
                new ApiRequest.Get("Pod", null, null, null, null, 500, "MTJ8L3JlZ2lzdHJ5L3BvZHMvZGVmYXVsdC93ZWI"),
                new ApiResponse.Objects("Pod", List.of(pod), "12", "MTJ8L3JlZ2lzdHJ5L3BvZHMvZGVmYXVsdC93ZWI"),
                new ReplicationControllerCommand.ObservedPods(rc, List.of(
                        new ReplicationControllerCommand.PodSummary("web-b2k4x", "uid",
                                "Running", true, "2026-11-27T10:00:00Z", "2026-11-27T09:59:58Z", false, "node-1",
                                "0a1b2c3d4e"))),
                new MasterProtocol.Location("127.0.0.1:2551"),
                new ApiRequest.Logs("default", "web", "main", 10, true, 42L),
                new ApiRequest.Logs(null, "web", null, null, false, null),
                new ApiRequest.Logs(null, "web", null, null, true, 7L, new LogOptions(true, true, 1_800_000_000L)),
                new ApiRequest.Exec("default", "web", "main", List.of("sh", "-c", "echo hi")),
                new ApiRequest.Within(new ApiRequest.Apply(List.<ApiObject>of(pod)), 600),
                new ApiResponse.LogChunk("one\ntwo\n", 8L, false, true),
                new ApiResponse.ExecResult(7, "hi\n"),
                new ContainerLogsRequest("uid", "main", 1, null, "pekko://herder@127.0.0.1:2551/temp/$a"),
                new ContainerLogsRequest("uid", "main", null, 3L, new LogOptions(false, true, null),
                        "pekko://herder@127.0.0.1:2551/temp/$b"),
                new ContainerLogsReply("one\n", 4L, true, false, null),
                ContainerLogsReply.failed("no such container"),
                new ContainerExecRequest("uid", "main", List.of("ls", "/"), 9000L, "pekko://herder@127.0.0.1:2551/temp/$b"),
                new ContainerExecReply(0, "bin\n", null),
                ContainerExecReply.failed("not running"),
                new ContainerAttachRequest("uid", "main", List.of("sh"), true, true,
                        "pekko://herder@127.0.0.1:2551/system/StreamSupervisor-0/sourceRef-1", "pekko://herder@127.0.0.1:2551/temp/$c"),
                new ContainerAttachRequest("uid", "main", List.of("cat"), false, false, null, "pekko://herder@127.0.0.1:2551/temp/$d"),
                new ContainerAttachReply("pekko://herder@127.0.0.1:2561/system/StreamSupervisor-0/sourceRef-2", null),
                ContainerAttachReply.failed("container \"main\" of pod \"web\" is not running"),
                new ExecInput.Stdin("hello\n".getBytes(StandardCharsets.UTF_8)),
                new ExecInput.CloseStdin(),
                new ExecInput.Resize(80, 24),
                new ExecOutput.Stdout(new byte[] {0, 1, (byte) 255}),
                new ExecOutput.Stderr("oops\n".getBytes(StandardCharsets.UTF_8)),
                new ExecOutput.Exited(3),
                new ExecOutput.Failed("the engine went away"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTripsThroughTheConfiguredSerializer(Object message) throws Exception {
        var classic = (org.apache.pekko.actor.ExtendedActorSystem) Adapter.toClassic(kit.system());
        Serialization serialization = SerializationExtension.get(classic);
        var serializer = serialization.findSerializerFor(message);
        assertEquals("JacksonCborSerializer", serializer.getClass().getSimpleName(), "serializer of " + message.getClass());
        Object back = org.apache.pekko.serialization.Serialization$.MODULE$.withTransportInformation(classic, (scala.Function0<Object>) () -> {
            byte[] bytes = serializer.toBinary(message);
            return serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, message)).get();
        });
        assertEquals(message, back);
    }

    /** Messages that never leave their JVM are not wire messages: nothing serializes them, and no other JVM can send them. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "dev.herder.controlplane.objects.LocalWatch$Observed", "dev.herder.controlplane.objects.LocalWatch$Resync",
            "dev.herder.controlplane.objects.ObjectEntity$Loaded", "dev.herder.controlplane.objects.ObjectEntity$Persisted",
            "dev.herder.controlplane.objects.ObjectEntity$Tick", "dev.herder.controlplane.objects.ObjectEntity$Retry",
            "dev.herder.controlplane.controllers.ReplicationControllerRules$PodRequestDone",
            "dev.herder.controlplane.master.ViewNews$Listed", "dev.herder.controlplane.master.Scheduling$News",
            "dev.herder.controlplane.master.Feeds$News", "dev.herder.controlplane.master.ServicePorts$Reserve"})
    void localMessagesAreNotWireMessages(String className) throws Exception {
        Class<?> type = Class.forName(className);
        assertFalse(dev.herder.protocol.wire.WireMessage.class.isAssignableFrom(type), className + " is marked as a wire message");
    }

    /** Each kind's entity takes its own protocol and no other: a message meant for another kind does not compile. */
    @org.junit.jupiter.api.Test
    void eachKindsProtocolIsSealed() {
        for (Class<?> protocol : List.of(dev.herder.protocol.wire.PodCommand.class, dev.herder.protocol.wire.NodeCommand.class,
                ReplicationControllerCommand.class, ServiceCommand.class)) {
            assertTrue(protocol.isSealed(), protocol + " is not sealed");
        }
        assertEquals(java.util.Set.of(PodStatusReport.class, dev.herder.protocol.wire.EventReport.class,
                        dev.herder.protocol.wire.PodTerminated.class),
                java.util.Set.of(dev.herder.protocol.wire.PodCommand.class.getPermittedSubclasses()));
    }
}
