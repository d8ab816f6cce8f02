package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartHistoryTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void restartCountsAndRemembersTheDelayAndTheNewStart() {
        RestartHistory h = RestartHistory.NONE.started(T0).finished(T0.plusSeconds(3))
                .afterRestart(Duration.ofSeconds(10), T0.plusSeconds(13));
        assertEquals(new RestartHistory(1, Duration.ofSeconds(10), T0.plusSeconds(13), null), h);
    }

    @Test
    void ranForMeasuresTheLatestRunOrUpToNowWhileItRuns() {
        RestartHistory running = RestartHistory.NONE.started(T0);
        assertEquals(Optional.of(Duration.ofSeconds(7)), running.ranFor(T0.plusSeconds(7)));
        assertEquals(Optional.of(Duration.ofSeconds(3)), running.finished(T0.plusSeconds(3)).ranFor(T0.plusSeconds(7)));
        assertEquals(Optional.empty(), RestartHistory.NONE.ranFor(T0));
    }

    @Test
    void adoptedContainerKeepsItsCountFromTheLabels() {
        assertEquals(new RestartHistory(4, Duration.ZERO, T0, null), RestartHistory.adopted(4, T0));
    }

    @Test
    void negativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RestartHistory(-1, Duration.ZERO, null, null));
    }
}
