package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herder.protocol.api.Probe;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeSettingsTest {

    @ParameterizedTest(name = "probe({0},{1},{2},{3},{4}) -> {5}s {6}s {7}s {8} {9}")
    @CsvSource(nullValues = "-", textBlock = """
            # delay, period, timeout, success, failure -> delay, period, timeout, success, failure
            -,  -,  -,  -,  -,     0, 10, 1, 1, 3
            0,  0,  0,  0,  0,     0, 10, 1, 1, 3
            5,  2,  3,  2,  6,     5,  2, 3, 2, 6
            -,  1,  -,  -,  1,     0,  1, 1, 1, 1
            30, -,  10, -,  -,    30, 10, 10, 1, 3
            """)
    void appliesKubernetesDefaultsToUnsetFields(Integer delay, Integer period, Integer timeout, Integer success,
                                               Integer failure, long wantDelay, long wantPeriod, long wantTimeout,
                                               int wantSuccess, int wantFailure) {
        Probe probe = new Probe(null, null, null, delay, period, timeout, success, failure, null);
        assertEquals(new ProbeSettings(Duration.ofSeconds(wantDelay), Duration.ofSeconds(wantPeriod),
                Duration.ofSeconds(wantTimeout), wantSuccess, wantFailure), ProbeSettings.of(probe));
    }

    @ParameterizedTest(name = "refuses {0}s {1}s {2}s {3} {4}")
    @CsvSource({
        "-1, 10, 1, 1, 3",
        "0,  0,  1, 1, 3",
        "0,  10, 0, 1, 3",
        "0,  10, 1, 0, 3",
        "0,  10, 1, 1, 0",
    })
    void refusesTimingsOutOfRange(long delay, long period, long timeout, int success, int failure) {
        assertThrows(IllegalArgumentException.class, () -> new ProbeSettings(Duration.ofSeconds(delay),
                Duration.ofSeconds(period), Duration.ofSeconds(timeout), success, failure));
    }
}
