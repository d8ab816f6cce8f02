package dev.herder.controlplane.scheduling;

import static dev.herder.controlplane.scheduling.Fixtures.node;
import static dev.herder.controlplane.scheduling.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeInfoTest {
    private static final long GI = 1024L * 1024 * 1024;

    static Stream<Arguments> readiness() {
        return Stream.of(
                Arguments.of("Ready True takes pods", node("a"), true, true),
                Arguments.of("Ready False does not", node("a").notReady(), false, false),
                Arguments.of("Ready Unknown does not", node("a").readyStatus("Unknown"), false, false),
                Arguments.of("no Ready condition does not", node("a").readyStatus(null), false, false),
                Arguments.of("cordoned Ready node does not", node("a").cordoned(), false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readiness")
    void readyMeansReadyConditionTrueAndNotCordoned(String name, Fixtures.NodeBuilder node, boolean ready,
                                                    boolean reportsReady) {
        NodeInfo info = node.info();
        assertEquals(ready, info.ready());
        assertEquals(reportsReady, info.reportsReady());
    }

    static Stream<Arguments> allocatable() {
        return Stream.of(
                Arguments.of("capacity when no allocatable", node("a").cpu("4").memory("8Gi"), 4000L, 8 * GI, 110),
                Arguments.of("allocatable over capacity", node("a").cpu("4").memory("8Gi").pods("200")
                        .allocatable("cpu", "3500m").allocatable("memory", "7Gi").allocatable("pods", "100"),
                        3500L, 7 * GI, 100),
                Arguments.of("capacity for keys allocatable lacks", node("a").cpu("4").allocatable("cpu", "0.5"),
                        500L, 4 * GI, 110),
                Arguments.of("absent cpu and memory are zero", node("a").cpu(null).memory(null), 0L, 0L, 110),
                Arguments.of("unreadable quantity counts as absent", node("a").cpu("many"), 0L, 4 * GI, 110),
                Arguments.of("pods from capacity", node("a").pods("20"), 2000L, 4 * GI, 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allocatable")
    void readsAllocatableFallingBackToCapacity(String name, Fixtures.NodeBuilder node, long milliCpu,
                                               long memoryBytes, int maxPods) {
        NodeInfo info = node.info();
        assertEquals(milliCpu, info.allocatableMilliCpu(), "cpu");
        assertEquals(memoryBytes, info.allocatableMemoryBytes(), "memory");
        assertEquals(maxPods, info.maxPods(), "pods");
    }

    @Test
    void withPodAddsRequestsPortsAndControllerCount() {
        NodeInfo empty = node("a").info();
        NodeInfo one = empty.withPod(pod("p").requests("250m", "1Gi").hostPort(8080).controller("rc").build());
        NodeInfo two = one.withPod(pod("q").limits("0.5", null).controller("rc").build());

        assertEquals(750, two.requestedMilliCpu());
        assertEquals(GI, two.requestedMemoryBytes());
        assertEquals(2, two.podCount());
        assertEquals(Set.of(HostPort.tcp(8080)), two.hostPortsInUse());
        assertTrue(two.hostPortTaken(HostPort.tcp(8080)));
        assertFalse(two.hostPortTaken(new HostPort("UDP", 8080, null)));
        assertEquals(2, two.podsOfController("rc"));
        assertEquals(0, two.podsOfController("other"));
        assertEquals(0, empty.podCount(), "the original is unchanged");
        assertEquals(0, empty.requestedMilliCpu(), "the original is unchanged");
    }

    @Test
    void withoutPodUndoesWithPod() {
        Pod web = pod("web").requests("100m", "64Mi").hostPort(80).controller("rc-web").build();
        Pod db = pod("db").limits("1", "1Gi").hostPort(5432, "TCP", "127.0.0.1").controller("rc-db").build();
        NodeInfo base = node("a").info().withPod(pod("other").requests("0.5", "1Gi").build());

        NodeInfo full = base.withPod(web).withPod(db).withPod(web);
        assertEquals(3 + 1, full.podCount());
        assertEquals(2, full.podsOfController("rc-web"));
        assertTrue(full.hostPortTaken(HostPort.tcp(80)), "port held twice");

        NodeInfo oneWebLeft = full.withoutPod(web);
        assertTrue(oneWebLeft.hostPortTaken(HostPort.tcp(80)), "still held by the other web pod");
        assertEquals(base, oneWebLeft.withoutPod(db).withoutPod(web));
        assertEquals(Set.of(), oneWebLeft.withoutPod(db).withoutPod(web).hostPortsInUse());
    }

    @Test
    void withNodeKeepsThePods() {
        NodeInfo info = node("a").info().withPod(pod("p").requests("1", null).build());
        NodeInfo cordoned = info.withNode(node("a").cordoned().build());
        assertFalse(cordoned.ready());
        assertEquals(1000, cordoned.requestedMilliCpu());
        assertEquals(1, cordoned.podCount());
    }
}
