package dev.herder.protocol.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "PT0S, 0s",
        "PT-1S, 0s",
        "PT-5S, <invalid>",
        "PT45S, 45s",
        "PT119S, 119s",
        "PT2M, 2m",
        "PT3M20S, 3m20s",
        "PT17M, 17m",
        "PT2H59M, 179m",
        "PT3H, 3h",
        "PT5H12M, 5h12m",
        "PT20H, 20h",
        "PT50H, 2d2h",
        "P3D, 3d",
        "P400D, 400d",
        "P800D, 2y70d",
        "P3650D, 10y",
    })
    void readsLikeKubectl(Duration age, String expected) {
        assertEquals(expected, Age.human(age));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-01T00:00:00Z, 10m",
        "2026-01-01T01:00:00+01:00, 10m",
        "not a time, <unknown>",
    })
    void readsTimestamps(String created, String expected) {
        assertEquals(expected, Age.since(created, Instant.parse("2026-01-01T00:10:00Z")));
    }
}
