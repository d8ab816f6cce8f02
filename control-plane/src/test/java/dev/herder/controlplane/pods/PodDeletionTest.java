package dev.herder.controlplane.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodDeletionTest {
    /** Not on a whole second: deadlines round up, so a pod never gets less than its grace period. */
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00.400Z");

    private static Pod pod(String node, Long specGrace, String phase, String deletionTimestamp) {
        Container c = new Container("main", "img", null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new Pod("v1", Pod.KIND, new ObjectMeta("p", null, "default", null, null, "u", "7", 1L, null,
                deletionTimestamp, null), new PodSpec(List.of(c), null, null, null, null, node, specGrace, null, null, null),
                phase == null ? null : new PodStatus(phase, null, null, null, null, null, null, null));
    }

    static Stream<Arguments> deletes() {
        return Stream.of(
                // what the pod is, the grace the delete asks (null: the pod's own), what happens (a deadline: marked)
                Arguments.of("running on a node, its own 30 s", pod("n1", null, "Running", null), null,
                        "2026-12-04T10:00:31Z"),
                Arguments.of("its spec's grace period", pod("n1", 5L, "Running", null), null, "2026-12-04T10:00:06Z"),
                Arguments.of("the delete's grace period wins", pod("n1", 5L, "Running", null), 60L,
                        "2026-12-04T10:01:01Z"),
                Arguments.of("0: a force delete", pod("n1", 5L, "Running", null), 0L, "remove"),
                Arguments.of("a spec grace period of 0", pod("n1", 0L, "Running", null), null, "remove"),
                Arguments.of("not bound: nothing runs", pod(null, null, null, null), null, "remove"),
                Arguments.of("Succeeded: nothing runs", pod("n1", null, "Succeeded", null), null, "remove"),
                Arguments.of("Failed: nothing runs", pod("n1", null, "Failed", null), 10L, "remove"),
                Arguments.of("Terminating, a later deadline asked", pod("n1", null, "Running", "2026-12-04T10:00:10Z"),
                        30L, "already"),
                Arguments.of("Terminating, an earlier deadline asked", pod("n1", null, "Running", "2026-12-04T10:00:10Z"),
                        2L, "2026-12-04T10:00:03Z"),
                Arguments.of("Terminating, then forced", pod("n1", null, "Running", "2026-12-04T10:00:10Z"), 0L,
                        "remove"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletes")
    void decides(String what, Pod pod, Long grace, String expected) {
        PodDeletion.Decision decision = PodDeletion.decide(pod, grace, NOW);
        switch (expected) {
            case "remove" -> assertInstanceOf(PodDeletion.RemoveNow.class, decision);
            case "already" -> assertInstanceOf(PodDeletion.AlreadyTerminating.class, decision);
            default -> {
                PodDeletion.MarkTerminating marked = assertInstanceOf(PodDeletion.MarkTerminating.class, decision);
                assertEquals(expected, marked.pod().metadata().deletionTimestamp());
                assertEquals(pod.metadata().withDeletionTimestamp(expected), marked.pod().metadata());
                assertEquals(pod.spec(), marked.pod().spec());
            }
        }
    }

    @ParameterizedTest(name = "grace left at {1}")
    @MethodSource("left")
    void graceLeftCountsDownToZero(String deadline, String at, long seconds) {
        assertEquals(seconds, PodDeletion.graceLeft(pod("n1", null, "Running", deadline), Instant.parse(at)).toSeconds());
    }

    static Stream<Arguments> left() {
        return Stream.of(Arguments.of("2026-12-04T10:00:30Z", "2026-12-04T10:00:00Z", 30),
                Arguments.of("2026-12-04T10:00:30Z", "2026-12-04T10:00:45Z", 0),
                Arguments.of(null, "2026-12-04T10:00:45Z", 0));
    }
}
