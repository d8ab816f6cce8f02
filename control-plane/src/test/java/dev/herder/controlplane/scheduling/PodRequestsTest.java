package dev.herder.controlplane.scheduling;

import static dev.herder.controlplane.scheduling.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodRequestsTest {
    private static final long MI = 1024L * 1024;
    private static final long GI = 1024 * MI;

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("cpu 100m is 100 millicores", pod("p").requests("100m", null), 100L, 0L),
                Arguments.of("cpu 0.5 is 500 millicores", pod("p").requests("0.5", null), 500L, 0L),
                Arguments.of("cpu 2 is 2000 millicores", pod("p").requests("2", null), 2000L, 0L),
                Arguments.of("memory 64Mi in bytes", pod("p").requests(null, "64Mi"), 0L, 64 * MI),
                Arguments.of("memory 1Gi in bytes", pod("p").requests(null, "1Gi"), 0L, GI),
                Arguments.of("memory 1G is decimal", pod("p").requests(null, "1G"), 0L, 1_000_000_000L),
                Arguments.of("limits stand for missing requests", pod("p").limits("250m", "128Mi"), 250L, 128 * MI),
                Arguments.of("requests win over limits", pod("p").container(
                        java.util.Map.of("cpu", "100m"), java.util.Map.of("cpu", "1", "memory", "1Gi"), List.of()),
                        100L, GI),
                Arguments.of("containers add up", pod("p").requests("100m", "64Mi").requests("0.5", "1Gi"),
                        600L, GI + 64 * MI),
                Arguments.of("largest init container wins when bigger than the sum",
                        pod("p").requests("100m", "64Mi").initRequests("1", "32Mi"), 1000L, 64 * MI),
                Arguments.of("no resources request nothing", pod("p").containerPort(80), 0L, 0L),
                Arguments.of("no containers request nothing", pod("p"), 0L, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void readsRequests(String name, Fixtures.PodBuilder pod, long milliCpu, long memoryBytes) {
        PodRequests r = PodRequests.of(pod.build());
        assertEquals(milliCpu, r.milliCpu(), "cpu");
        assertEquals(memoryBytes, r.memoryBytes(), "memory");
    }

    @Test
    void scoresContainersWithoutRequestsAtKubernetesDefaults() {
        PodRequests r = PodRequests.of(pod("p").requests("300m", null).containerPort(80).build());
        assertEquals(300, r.milliCpu());
        assertEquals(0, r.memoryBytes());
        assertEquals(300 + PodRequests.DEFAULT_SCORING_MILLI_CPU, r.scoringMilliCpu());
        assertEquals(2 * PodRequests.DEFAULT_SCORING_MEMORY_BYTES, r.scoringMemoryBytes());
    }

    @Test
    void namesContainerAndFieldOfAnInvalidQuantity() {
        Pod bad = pod("p").requests("100m", null).limits("lots", null).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PodRequests.of(bad));
        assertTrue(e.getMessage().startsWith("container 'c1' resources.limits.cpu: quantity 'lots'"), e.getMessage());
    }

    static Stream<Arguments> ports() {
        return Stream.of(
                Arguments.of("hostPort is a TCP port on every address", pod("p").hostPort(8080),
                        List.of(HostPort.tcp(8080))),
                Arguments.of("protocol and hostIP are kept", pod("p").hostPort(53, "udp", "127.0.0.2"),
                        List.of(new HostPort("UDP", 53, "127.0.0.2"))),
                Arguments.of("containerPort alone holds nothing", pod("p").containerPort(80), List.of()),
                Arguments.of("with hostNetwork a containerPort is a host port", pod("p").hostNetwork().containerPort(80),
                        List.of(HostPort.tcp(80))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void readsHostPorts(String name, Fixtures.PodBuilder pod, List<HostPort> expected) {
        assertEquals(expected, PodRequests.of(pod.build()).hostPorts());
    }

    @Test
    void controllerIsTheOwnerMarkedController() {
        assertEquals("rc-1", PodRequests.of(pod("p").controller("rc-1").build()).controllerUid());
        assertNull(PodRequests.of(pod("p").build()).controllerUid());
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(HostPort.tcp(80), HostPort.tcp(80), true),
                Arguments.of(HostPort.tcp(80), HostPort.tcp(81), false),
                Arguments.of(HostPort.tcp(80), new HostPort("UDP", 80, null), false),
                Arguments.of(HostPort.tcp(80), new HostPort("tcp", 80, "127.0.0.1"), true),
                Arguments.of(new HostPort(null, 80, "127.0.0.1"), new HostPort(null, 80, "127.0.0.1"), true),
                Arguments.of(new HostPort(null, 80, "127.0.0.1"), new HostPort(null, 80, "127.0.0.2"), false),
                Arguments.of(new HostPort(null, 80, "::"), new HostPort(null, 80, "127.0.0.2"), true));
    }

    @ParameterizedTest(name = "{0} vs {1} conflicts: {2}")
    @MethodSource("conflicts")
    void hostPortsConflictOnSameProtocolPortAndOverlappingAddress(HostPort a, HostPort b, boolean conflict) {
        assertEquals(conflict, a.conflictsWith(b));
        assertEquals(conflict, b.conflictsWith(a));
    }
}
