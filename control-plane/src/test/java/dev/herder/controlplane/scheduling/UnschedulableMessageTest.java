package dev.herder.controlplane.scheduling;

import static dev.herder.controlplane.scheduling.Fixtures.node;
import static dev.herder.controlplane.scheduling.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.controlplane.scheduling.Placement.Unschedulable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact words a user sees when no node fits, and the reason counts behind them. */
class UnschedulableMessageTest {
    private final Scheduler scheduler = new Scheduler();

    static Stream<Arguments> messages() {
        Fixtures.PodBuilder oneCpu = pod("p").requests("1", "128Mi");
        NodeInfo small = node("small").cpu("500m").info();
        NodeInfo down = node("down").notReady().info();
        NodeInfo cordoned = node("cordoned").cordoned().info();
        NodeInfo tiny = node("tiny").memory("64Mi").info();
        return Stream.of(
                Arguments.of("counts descending", oneCpu, List.of(small, down, node("small2").cpu("0.5").info()),
                        "0/3 nodes available: 2 insufficient cpu, 1 not ready",
                        ordered("insufficient cpu", 2, "not ready", 1)),
                Arguments.of("equal counts by name", oneCpu, List.of(down, cordoned, small, tiny),
                        "0/4 nodes available: 1 insufficient cpu, 1 insufficient memory, 1 not ready, 1 unschedulable",
                        ordered("insufficient cpu", 1, "insufficient memory", 1, "not ready", 1, "unschedulable", 1)),
                Arguments.of("every reason", pod("p").requests("1", "128Mi").hostPort(80).selector("disk", "hdd"),
                        List.of(node("down").notReady().info(), node("cordoned").cordoned().info(),
                                node("ssd").label("disk", "ssd").info(),
                                node("small").label("disk", "hdd").cpu("500m").info(),
                                node("tiny").label("disk", "hdd").memory("64Mi").info(),
                                node("full").label("disk", "hdd").pods("0").info(),
                                node("busy").label("disk", "hdd").info().withPod(pod("q").hostPort(80).build()),
                                node("busy2").label("disk", "hdd").info().withPod(pod("q").hostPort(80).build())),
                        "0/8 nodes available: 2 node(s) didn't have free ports for the requested pod ports, "
                                + "1 didn't match node selector, 1 insufficient cpu, 1 insufficient memory, "
                                + "1 not ready, 1 too many pods, 1 unschedulable",
                        ordered("node(s) didn't have free ports for the requested pod ports", 2,
                                "didn't match node selector", 1, "insufficient cpu", 1, "insufficient memory", 1,
                                "not ready", 1, "too many pods", 1, "unschedulable", 1)),
                Arguments.of("no nodes at all", oneCpu, List.of(), "0/0 nodes available: no nodes registered",
                        Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void saysHowManyNodesFailedForEachReason(String name, Fixtures.PodBuilder pod, List<NodeInfo> nodes,
                                             String message, Map<String, Integer> reasons) {
        Unschedulable u = assertInstanceOf(Unschedulable.class, scheduler.place(pod.build(), nodes));
        assertEquals(message, u.message());
        assertEquals(reasons, u.reasons());
        assertEquals(new ArrayList<>(reasons.keySet()), new ArrayList<>(u.reasons().keySet()), "order");
    }

    @Test
    void invalidQuantityIsUnschedulableNamingTheField() {
        Unschedulable u = assertInstanceOf(Unschedulable.class,
                scheduler.place(pod("p").requests("1 cpu", null).build(), List.of(node("a").info())));
        assertTrue(u.message().contains("container 'c0' resources.requests.cpu"), u.message());
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
