package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ContainerStateTerminated;
import dev.herder.protocol.api.ContainerStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerStatusesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String IMAGE = "local/busybox:1";

    @ParameterizedTest(name = "exit {0}, oomKilled {1} -> {2}")
    @CsvSource({
        "0,   false, Completed",
        "1,   false, Error",
        "137, false, Error",
        "137, true,  OOMKilled",
        "0,   true,  OOMKilled",
    })
    void terminationReasonFollowsExitCodeUnlessTheEngineSaysOomKilled(int exitCode, boolean oom, String reason) {
        assertEquals(reason, ContainerStatuses.terminationReason(exitCode, oom));
    }

    @ParameterizedTest(name = "back-off of {0} ms is written {1}")
    @CsvSource({
        "0,       0s",
        "500,     500ms",
        "10000,   10s",
        "20000,   20s",
        "80000,   1m20s",
        "160000,  2m40s",
        "300000,  5m0s",
        "1500,    1.5s",
        "3600000, 1h0m0s",
    })
    void crashLoopMessageUsesTheKubeletsWording(long delayMs, String written) {
        var pod = PodFixtures.pod("Always", "web");
        assertEquals("back-off " + written + " restarting failed container=web pod=web-1_default(" + PodFixtures.UID
                + ")", ContainerStatuses.crashLoopBackOffMessage("web", pod, Duration.ofMillis(delayMs)));
    }

    @Test
    void crashLoopBackOffWaitsWithThePreviousRunAsLastState() {
        ContainerStateTerminated last = ContainerStatuses.termination("docker://abc", 1, null, null, T0,
                T0.plusSeconds(2));
        ContainerStatus s = ContainerStatuses.crashLoopBackOff("web", IMAGE, PodFixtures.pod("Always", "web"),
                Duration.ofSeconds(20), 2, last);
        assertEquals(ContainerStatuses.CRASH_LOOP_BACK_OFF, s.state().waiting().reason());
        assertTrue(s.state().waiting().message().startsWith("back-off 20s restarting failed container=web"));
        assertEquals(last, s.lastState().terminated());
        assertEquals("Error", last.reason());
        assertEquals(2, s.restartCount());
        assertFalse(s.ready());
        assertFalse(s.started());
    }

    @Test
    void runningIsStartedWithItsReadinessAndStartTime() {
        ContainerStatus s = ContainerStatuses.running("web", IMAGE, "docker://abc", T0, true, 0, null);
        assertEquals("2025-01-01T00:00:00Z", s.state().running().startedAt());
        assertTrue(s.ready());
        assertTrue(s.started());
        assertEquals("docker://abc", s.containerID());
        assertNull(s.lastState());
    }

    @Test
    void waitingBeforeTheFirstRunHasNoLastState() {
        ContainerStatus s = ContainerStatuses.waiting("web", IMAGE, ContainerStatuses.ERR_IMAGE_PULL,
                "image 127.0.0.1:5999/missing:1 not found", 0, null);
        assertEquals(ContainerStatuses.ERR_IMAGE_PULL, s.state().waiting().reason());
        assertNull(s.lastState());
        assertNull(s.containerID());
    }

    @ParameterizedTest(name = "exit {0} with reason {1} is reported as {2}")
    @CsvSource(nullValues = "null", value = {
        "0,   null,      Completed",
        "2,   null,      Error",
        "137, OOMKilled, OOMKilled",
    })
    void terminatedDerivesItsReasonWhenNoneIsGiven(int exitCode, String reason, String reported) {
        ContainerStatus s = ContainerStatuses.terminated("web", IMAGE, "docker://abc", exitCode, reason, null, T0,
                T0.plusSeconds(5), 1);
        ContainerStateTerminated t = s.state().terminated();
        assertEquals(reported, t.reason());
        assertEquals(exitCode, t.exitCode());
        assertEquals("2025-01-01T00:00:05Z", t.finishedAt());
        assertEquals("docker://abc", t.containerID());
        assertFalse(s.ready());
    }
}
