package dev.herder.controlplane.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.wire.LogOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogQueryTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00.700Z");

    private static LogOptions options(String text) {
        return LogQuery.options(new Query(org.apache.pekko.http.javadsl.model.Query.create(text)), NOW);
    }

    @Test
    void readsPreviousTimestampsAndSinceFixedToASecond() {
        assertEquals(LogOptions.NONE, options("follow=true&tailLines=3"));
        assertEquals(new LogOptions(true, false, null), options("previous=true"));
        assertEquals(new LogOptions(false, true, null), options("timestamps=true"));
        assertEquals(new LogOptions(false, false, NOW.getEpochSecond() - 60), options("sinceSeconds=60"));
        assertEquals(new LogOptions(true, true, Instant.parse("2026-12-04T09:30:00Z").getEpochSecond()),
                options("previous=true&timestamps=true&sinceTime=2026-12-04T09:30:00Z"));
    }

    @Test
    void refusesWhatKubernetesRefusesNamingIt() {
        assertEquals("at most one of sinceTime or sinceSeconds may be specified", assertThrows(Query.BadParameter.class,
                () -> options("sinceSeconds=5&sinceTime=2026-12-04T09:30:00Z")).getMessage());
        assertTrue(assertThrows(Query.BadParameter.class, () -> options("sinceSeconds=0")).getMessage()
                .contains("sinceSeconds must be greater than 0"));
        assertTrue(assertThrows(Query.BadParameter.class, () -> options("sinceTime=yesterday")).getMessage()
                .contains("\"yesterday\""));
        assertTrue(assertThrows(Query.BadParameter.class, () -> options("previous=maybe")).getMessage()
                .contains("previous"));
    }
}
