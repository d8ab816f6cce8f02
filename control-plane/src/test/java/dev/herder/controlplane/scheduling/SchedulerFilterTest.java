package dev.herder.controlplane.scheduling;

import static dev.herder.controlplane.scheduling.Fixtures.node;
import static dev.herder.controlplane.scheduling.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.controlplane.scheduling.Placement.Placed;
import dev.herder.controlplane.scheduling.Placement.Unschedulable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which nodes a pod can go to: each case is a pod, the nodes, and the expected placement. */
class SchedulerFilterTest {
    private static final String CPU = FitReason.INSUFFICIENT_CPU.text();
    private static final String MEMORY = FitReason.INSUFFICIENT_MEMORY.text();
    private static final String PORTS = FitReason.HOST_PORT_CONFLICT.text();

    private final Scheduler scheduler = new Scheduler();

    static Stream<Arguments> cases() {
        return Stream.of(
                placed("fits on the only Ready node", pod("p").requests("100m", "64Mi"),
                        List.of(node("a").info()), "a"),
                placed("skips a NotReady node", pod("p"),
                        List.of(node("a").notReady().info(), node("b").info()), "b"),
                placed("skips a node without Ready condition", pod("p"),
                        List.of(node("a").readyStatus(null).info(), node("b").info()), "b"),
                placed("skips a cordoned node", pod("p"),
                        List.of(node("a").cordoned().info(), node("b").info()), "b"),
                unschedulable("cordoned nodes count as unschedulable", pod("p"),
                        List.of(node("a").cordoned().info(), node("b").readyStatus("Unknown").info()),
                        "0/2 nodes available: 1 not ready, 1 unschedulable"),
                unschedulable("a node counts once, under its first failing reason", pod("p").requests("8", null),
                        List.of(node("a").notReady().cordoned().info()), "0/1 nodes available: 1 not ready"),
                placed("0.5 cpu fits exactly in 500m", pod("p").requests("0.5", null),
                        List.of(node("a").cpu("400m").info(), node("b").cpu("500m").info()), "b"),
                unschedulable("100m does not fit beside 1950m of 2 cpus", pod("p").requests("100m", null),
                        List.of(node("a").info().withPod(pod("big").requests("1950m", null).build())),
                        "0/1 nodes available: 1 " + CPU),
                unschedulable("cpu limits stand for missing requests", pod("p").limits("3", null),
                        List.of(node("a").info()), "0/1 nodes available: 1 " + CPU),
                unschedulable("a node without cpu takes no pod requesting cpu", pod("p").requests("1m", null),
                        List.of(node("a").cpu(null).info()), "0/1 nodes available: 1 " + CPU),
                placed("a node without cpu takes pods requesting none", pod("p").requests(null, "64Mi"),
                        List.of(node("a").cpu(null).info()), "a"),
                placed("1Gi fits exactly in 1Gi", pod("p").requests(null, "1Gi"),
                        List.of(node("a").memory("1Gi").info()), "a"),
                unschedulable("1Gi does not fit in 1G", pod("p").requests(null, "1Gi"),
                        List.of(node("a").memory("1G").info()), "0/1 nodes available: 1 " + MEMORY),
                unschedulable("64Mi does not fit in 32Mi", pod("p").requests(null, "64Mi"),
                        List.of(node("a").memory("32Mi").info()), "0/1 nodes available: 1 " + MEMORY),
                unschedulable("memory limits stand for missing requests", pod("p").limits(null, "5Gi"),
                        List.of(node("a").info()), "0/1 nodes available: 1 " + MEMORY),
                placed("host port taken goes elsewhere", pod("p").hostPort(8080),
                        List.of(node("a").info().withPod(pod("q").hostPort(8080).build()), node("b").info()), "b"),
                unschedulable("host port taken everywhere", pod("p").hostPort(8080),
                        List.of(node("a").info().withPod(pod("q").hostPort(8080).build())),
                        "0/1 nodes available: 1 " + PORTS),
                placed("same port over UDP is free", pod("p").hostPort(8080, "UDP", null),
                        List.of(node("a").info().withPod(pod("q").hostPort(8080).build())), "a"),
                placed("nodeSelector picks the labelled node", pod("p").selector("disk", "ssd"),
                        List.of(node("a").label("disk", "hdd").info(), node("b").label("disk", "ssd").info()), "b"),
                placed("every nodeSelector label must match", pod("p").selector("disk", "ssd").selector("zone", "1"),
                        List.of(node("a").label("disk", "ssd").info(),
                                node("b").label("disk", "ssd").label("zone", "1").info()), "b"),
                unschedulable("nodeSelector matching no node", pod("p").selector("disk", "ssd"),
                        List.of(node("a").info(), node("b").label("disk", "hdd").info()),
                        "0/2 nodes available: 2 didn't match node selector"),
                unschedulable("too many pods", pod("p"),
                        List.of(node("a").pods("1").info().withPod(pod("q").build())),
                        "0/1 nodes available: 1 too many pods"),
                placed("pod naming its node is not scheduled", pod("p").nodeName("elsewhere"), List.of(), "elsewhere"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void placesPodsOnlyOnNodesThatFit(String name, Fixtures.PodBuilder pod, List<NodeInfo> nodes, Placement expected) {
        Placement actual = scheduler.place(pod.build(), nodes);
        if (expected instanceof Unschedulable u) {
            assertEquals(u.message(), actual instanceof Unschedulable a ? a.message() : actual.toString());
        } else {
            assertEquals(expected, actual);
        }
    }

    private static Arguments placed(String name, Fixtures.PodBuilder pod, List<NodeInfo> nodes, String node) {
        return Arguments.of(name, pod, nodes, new Placed(node));
    }

    private static Arguments unschedulable(String name, Fixtures.PodBuilder pod, List<NodeInfo> nodes, String message) {
        return Arguments.of(name, pod, nodes, new Unschedulable(message, Map.of()));
    }
}
