package dev.herder.controlplane.scheduling;

import static dev.herder.controlplane.scheduling.Fixtures.node;
import static dev.herder.controlplane.scheduling.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herder.controlplane.scheduling.Placement.Placed;
import dev.herder.protocol.api.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which fitting node wins: least requested, spread replicas, ties by name. */
class SchedulerScoreTest {
    private final Scheduler scheduler = new Scheduler();

    static Stream<Arguments> choices() {
        return Stream.of(
                Arguments.of("prefers the node with less cpu requested", pod("p").requests("100m", "64Mi"),
                        List.of(loaded("a", "1", "1Gi"), loaded("b", "500m", "1Gi")), "b"),
                Arguments.of("prefers the node with less memory requested", pod("p").requests("100m", "64Mi"),
                        List.of(loaded("a", "500m", "512Mi"), loaded("b", "500m", "3Gi")), "a"),
                Arguments.of("averages cpu and memory", pod("p").requests("100m", "64Mi"),
                        List.of(loaded("a", "1800m", "0"), loaded("b", "1", "1Gi")), "b"),
                Arguments.of("prefers the bigger of two empty nodes", pod("p").requests("1", "1Gi"),
                        List.of(node("a").info(), node("b").cpu("4").memory("8Gi").info()), "b"),
                Arguments.of("spreads pods without requests by default scoring figures", pod("p").containerPort(80),
                        List.of(node("a").info().withPod(pod("q").containerPort(80).build()), node("b").info()), "b"),
                Arguments.of("spreading beats a small load difference", pod("p").controller("rc"),
                        List.of(loaded("a", "200m", "0").withPod(pod("r1").controller("rc").build()),
                                loaded("b", "500m", "0")), "b"),
                Arguments.of("a large load difference beats spreading", pod("p").controller("rc"),
                        List.of(loaded("a", "0", "0").withPod(pod("r1").controller("rc").build()),
                                loaded("b", "1600m", "3Gi")), "a"),
                Arguments.of("other controllers' replicas do not repel", pod("p").controller("rc"),
                        List.of(loaded("a", "0", "0").withPod(pod("x1").controller("other").build()),
                                loaded("b", "500m", "0")), "a"),
                Arguments.of("equal scores go to the first name", pod("p"),
                        List.of(node("c").info(), node("a").info(), node("b").info()), "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void choosesTheBestScoringNode(String name, Fixtures.PodBuilder pod, List<NodeInfo> nodes, String expected) {
        assertEquals(new Placed(expected), scheduler.place(pod.build(), nodes));
    }

    static Stream<Arguments> spreading() {
        return Stream.of(
                Arguments.of(2, 4, List.of(2, 2)),
                Arguments.of(3, 6, List.of(2, 2, 2)),
                Arguments.of(3, 7, List.of(3, 2, 2)),
                Arguments.of(5, 3, List.of(1, 1, 1, 0, 0)));
    }

    @ParameterizedTest(name = "{1} replicas on {0} equal nodes: {2}")
    @MethodSource("spreading")
    void spreadsReplicasOfOneControllerAcrossNodes(int nodeCount, int replicas, List<Integer> perNode) {
        Map<String, NodeInfo> nodes = new TreeMap<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.put("n" + i, node("n" + i).info());
        }
        for (int r = 0; r < replicas; r++) {
            Pod replica = pod("web-" + r).requests("100m", "64Mi").controller("rc-web").build();
            Placed placed = assertInstanceOf(Placed.class, scheduler.place(replica, nodes.values()));
            nodes.computeIfPresent(placed.nodeName(), (n, info) -> info.withPod(replica));
        }
        assertEquals(perNode, nodes.values().stream().map(n -> n.podsOfController("rc-web")).toList());
    }

    @Test
    void tieBreakDoesNotDependOnNodeOrder() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nodes.add(node(String.format("node-%02d", i)).info());
        }
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(nodes, random);
            assertEquals(new Placed("node-00"), scheduler.place(pod("p").requests("1", null).build(), nodes));
        }
    }

    static Stream<Arguments> leastRequested() {
        return Stream.of(
                Arguments.of(1000L, 0L, 100),
                Arguments.of(1000L, 250L, 75),
                Arguments.of(1000L, 1000L, 0),
                Arguments.of(1000L, 1500L, 0),
                Arguments.of(0L, 0L, 0));
    }

    @ParameterizedTest(name = "allocatable {0}, requested {1}: {2}")
    @MethodSource("leastRequested")
    void leastRequestedScoresTheFreeShare(long allocatable, long requested, int score) {
        assertEquals(score, Scheduler.leastRequested(allocatable, requested));
    }

    /** A 2-cpu, 4Gi node with one pod requesting this much. */
    private static NodeInfo loaded(String name, String cpu, String memory) {
        return node(name).info().withPod(pod(name + "-load").requests(cpu, memory).build());
    }
}
