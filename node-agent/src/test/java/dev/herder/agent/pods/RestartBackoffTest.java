package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.agent.pods.RestartBackoff.Decision;
import dev.herder.agent.pods.RestartBackoff.GiveUp;
import dev.herder.agent.pods.RestartBackoff.RestartAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartBackoffTest {
    private static final BackoffPolicy POLICY = BackoffPolicy.KUBELET_DEFAULTS;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest(name = "restartPolicy {0}, exit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Always    | 0   | restart",
        "Always    | 1   | restart",
        "Always    | 137 | restart",
        "null      | 0   | restart",
        "OnFailure | 1   | restart",
        "OnFailure | 137 | restart",
        "OnFailure | 0   | Completed",
        "Never     | 0   | Completed",
        "Never     | 1   | Error",
        "Never     | 137 | Error",
    })
    void restartPolicyDecidesWhetherAnEndedContainerRestarts(String restartPolicy, int exitCode, String expected) {
        RestartHistory ran = RestartHistory.NONE.started(T0).finished(T0.plusSeconds(1));
        Decision d = RestartBackoff.next(ran, restartPolicy, exitCode, T0.plusSeconds(1), POLICY);
        Decision want = expected.equals("restart") ? new RestartAfter(Duration.ZERO) : new GiveUp(expected);
        assertEquals(want, d);
    }

    @Test
    void firstRestartIsImmediateThenInitialDoublingUpToMax() {
        List<Long> delays = new ArrayList<>();
        RestartHistory h = RestartHistory.NONE.started(T0);
        Instant t = T0;
        for (int i = 0; i < 9; i++) {
            t = t.plusSeconds(1);
            h = h.finished(t);
            Duration delay = ((RestartAfter) RestartBackoff.next(h, "Always", 1, t, POLICY)).delay();
            delays.add(delay.toSeconds());
            t = t.plus(delay);
            h = h.afterRestart(delay, t);
        }
        assertEquals(List.of(0L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L), delays);
        assertEquals(9, h.restartCount());
    }

    @ParameterizedTest(name = "ran {0} s after a {1} s back-off -> next waits {2} s")
    @CsvSource({
        "600,  160, 0",
        "3600, 300, 0",
        "599,  160, 300",
        "1,    10,  20",
        "1,    0,   10",
    })
    void longEnoughRunResetsTheBackoff(long ranSeconds, long lastDelaySeconds, long expectedSeconds) {
        RestartHistory h = new RestartHistory(5, Duration.ofSeconds(lastDelaySeconds), T0,
                T0.plusSeconds(ranSeconds));
        assertEquals(new RestartAfter(Duration.ofSeconds(expectedSeconds)),
                RestartBackoff.next(h, "Always", 1, T0.plusSeconds(ranSeconds), POLICY));
    }

    @Test
    void runWithoutAFinishTimeIsMeasuredToNow() {
        RestartHistory h = new RestartHistory(3, Duration.ofSeconds(40), T0, null);
        assertEquals(new RestartAfter(Duration.ZERO),
                RestartBackoff.next(h, "Always", 1, T0.plus(POLICY.resetAfter()), POLICY));
        assertEquals(new RestartAfter(Duration.ofSeconds(80)),
                RestartBackoff.next(h, "Always", 1, T0.plusSeconds(5), POLICY));
    }

    @Test
    void unknownStartNeverResets() {
        RestartHistory h = new RestartHistory(3, Duration.ofSeconds(40), null, T0);
        assertEquals(new RestartAfter(Duration.ofSeconds(80)), RestartBackoff.next(h, "Always", 1, T0, POLICY));
    }

    @Test
    void backoffAfterResetStartsAgainFromInitial() {
        RestartHistory h = new RestartHistory(5, Duration.ofSeconds(300), T0, T0.plusSeconds(700));
        Duration reset = ((RestartAfter) RestartBackoff.next(h, "Always", 1, T0.plusSeconds(700), POLICY)).delay();
        h = h.afterRestart(reset, T0.plusSeconds(700)).finished(T0.plusSeconds(701));
        assertEquals(new RestartAfter(POLICY.initial()),
                RestartBackoff.next(h, "Always", 1, T0.plusSeconds(701), POLICY));
    }

    @Test
    void perPodPolicyShapesTheDelays() {
        BackoffPolicy fast = BackoffPolicy.of(PodFixtures.annotated("initial=500ms,max=1s"), POLICY);
        RestartHistory h = new RestartHistory(2, Duration.ofMillis(500), T0, T0);
        assertEquals(new RestartAfter(Duration.ofSeconds(1)), RestartBackoff.next(h, "Always", 1, T0, fast));
        h = h.afterRestart(Duration.ofSeconds(1), T0).finished(T0);
        assertEquals(new RestartAfter(Duration.ofSeconds(1)), RestartBackoff.next(h, "Always", 1, T0, fast));
    }

    @Test
    void unknownRestartPolicyIsRefusedNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RestartBackoff.next(RestartHistory.NONE, "Sometimes", 1, T0, POLICY));
        assertTrue(e.getMessage().contains("spec.restartPolicy \"Sometimes\""), e.getMessage());
    }
}
