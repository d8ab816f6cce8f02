package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodStatusesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = T0.plusSeconds(60);
    private static final String IMAGE = "local/busybox:1";

    /**
     * Each container is written as a word: none (no status yet), creating, pullError, running, ready,
     * exit0, exit1 (terminated), backoff1 / backoff0 (waiting to restart after exit 1 / 0).
     */
    @ParameterizedTest(name = "{0} with [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Always    | none              | Pending",
        "Always    | creating          | Pending",
        "Always    | pullError         | Pending",
        "Always    | running pullError | Pending",
        "Always    | running           | Running",
        "Always    | ready ready       | Running",
        "Always    | running exit0     | Running",
        "Always    | backoff1          | Running",
        "Always    | exit0             | Running",
        "Always    | exit0 exit1       | Running",
        "null      | exit0             | Running",
        "OnFailure | exit0 exit0       | Succeeded",
        "OnFailure | exit1             | Running",
        "OnFailure | backoff1 exit0    | Running",
        "Never     | exit0 exit0       | Succeeded",
        "Never     | exit0 exit1       | Failed",
        "Never     | exit1             | Failed",
        "Never     | running exit1     | Running",
        "Never     | creating exit1    | Pending",
    })
    void phaseFollowsTheKubeletsRules(String restartPolicy, String containers, String phase) {
        String[] words = containers.split(" ");
        String[] names = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            names[i] = "c" + i;
        }
        List<ContainerStatus> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (!words[i].equals("none")) {
                statuses.add(status(names[i], words[i]));
            }
        }
        var pod = PodFixtures.pod(restartPolicy, names);
        assertEquals(phase, PodStatuses.phase(pod.spec(), statuses));
        assertEquals(phase, PodStatuses.of(pod, statuses, "127.0.0.1", "127.0.0.1", T0, null, T0).phase());
    }

    @Test
    void allReadyMakesReadyAndContainersReadyTrue() {
        var pod = PodFixtures.pod("Always", "web", "db");
        PodStatus s = PodStatuses.of(pod, List.of(status("web", "ready"), status("db", "ready")), "127.0.0.2",
                "127.0.0.2", T0, null, LATER);
        assertEquals(List.of(
                new PodCondition("Initialized", "True", null, null, null, LATER.toString()),
                new PodCondition("Ready", "True", null, null, null, LATER.toString()),
                new PodCondition("ContainersReady", "True", null, null, null, LATER.toString())), s.conditions());
        assertEquals("127.0.0.2", s.hostIP());
        assertEquals(T0.toString(), s.startTime());
        assertEquals(2, s.containerStatuses().size());
    }

    @Test
    void unreadyContainersAreNamedInTheReadyConditions() {
        var pod = PodFixtures.pod("Always", "web", "db", "cache");
        PodStatus s = PodStatuses.of(pod, List.of(status("web", "running"), status("db", "ready")), "h", "h", T0,
                null, T0);
        PodCondition ready = condition(s, PodStatuses.READY);
        assertEquals("False", ready.status());
        assertEquals("ContainersNotReady", ready.reason());
        assertEquals("containers with unready status: [web cache]", ready.message());
        assertEquals(ready.message(), condition(s, PodStatuses.CONTAINERS_READY).message());
        assertEquals("True", condition(s, PodStatuses.INITIALIZED).status());
    }

    @Test
    void succeededPodIsNotReadyBecauseItCompleted() {
        var pod = PodFixtures.pod("Never", "job");
        PodStatus s = PodStatuses.of(pod, List.of(status("job", "exit0")), "h", "h", T0, null, T0);
        PodCondition ready = condition(s, PodStatuses.READY);
        assertEquals("False", ready.status());
        assertEquals("PodCompleted", ready.reason());
        assertNull(ready.message());
    }

    @Test
    void conditionKeepsItsTransitionTimeUntilItsStatusChanges() {
        var pod = PodFixtures.pod("Always", "web");
        PodStatus first = PodStatuses.of(pod, List.of(status("web", "running")), "h", "h", T0, null, T0);
        PodStatus second = PodStatuses.of(pod, List.of(status("web", "ready")), "h", "h", T0, first, LATER);
        PodStatus third = PodStatuses.of(pod, List.of(status("web", "ready")), "h", "h", T0, second,
                LATER.plusSeconds(60));
        assertEquals(T0.toString(), condition(third, PodStatuses.INITIALIZED).lastTransitionTime());
        assertEquals(LATER.toString(), condition(second, PodStatuses.READY).lastTransitionTime());
        assertEquals(LATER.toString(), condition(third, PodStatuses.READY).lastTransitionTime());
    }

    @Test
    void podScheduledIsLeftToTheControlPlane() {
        var pod = PodFixtures.pod("Always", "web");
        PodStatus s = PodStatuses.of(pod, List.of(status("web", "ready")), "h", "h", T0, null, T0);
        assertEquals(List.of("Initialized", "Ready", "ContainersReady"),
                s.conditions().stream().map(PodCondition::type).toList());
    }

    private static PodCondition condition(PodStatus s, String type) {
        return s.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    private static ContainerStatus status(String name, String word) {
        var pod = PodFixtures.pod("Always", name);
        return switch (word) {
            case "creating" -> ContainerStatuses.waiting(name, IMAGE, ContainerStatuses.CONTAINER_CREATING, null, 0,
                    null);
            case "pullError" -> ContainerStatuses.waiting(name, IMAGE, ContainerStatuses.ERR_IMAGE_PULL, "no such image",
                    0, null);
            case "running" -> ContainerStatuses.running(name, IMAGE, "docker://" + name, T0, false, 0, null);
            case "ready" -> ContainerStatuses.running(name, IMAGE, "docker://" + name, T0, true, 0, null);
            case "exit0", "exit1" -> ContainerStatuses.terminated(name, IMAGE, "docker://" + name,
                    word.equals("exit0") ? 0 : 1, null, null, T0, T0.plusSeconds(1), 0);
            case "backoff0", "backoff1" -> ContainerStatuses.crashLoopBackOff(name, IMAGE, pod, Duration.ofSeconds(10),
                    1, ContainerStatuses.termination("docker://" + name, word.equals("backoff0") ? 0 : 1, null, null,
                            T0, T0.plusSeconds(1)));
            default -> throw new IllegalArgumentException(Arrays.toString(new String[] {word}));
        };
    }
}
