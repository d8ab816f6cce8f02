package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.agent.probes.ProbeTracker.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeTrackerTest {
    private static final Instant STARTED = Instant.parse("2024-01-01T00:00:00Z");

    private static ProbeSettings thresholds(int success, int failure) {
        return new ProbeSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1), success,
                failure);
    }

    /**
     * results: one letter a run, S success and F failure; passing: the state after each run (P passing, N not),
     * flips: where the state turned (^) or not (.).
     */
    @ParameterizedTest(name = "{0} succ={1} fail={2}: {3} -> {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            READINESS | 1 | 3 | ''        | ''        | ''
            READINESS | 1 | 3 | S         | P         | ^
            READINESS | 1 | 3 | FFF       | NNN       | ...
            READINESS | 1 | 3 | SFFFS     | PPPNP     | ^..^^
            READINESS | 2 | 3 | SFSSFFSFFF| NNNPPPPPPN| ...^.....^
            READINESS | 3 | 1 | SSSFSS    | NNPNNN    | ..^^..
            LIVENESS  | 1 | 3 | ''        | ''        | ''
            LIVENESS  | 1 | 3 | FF        | PP        | ..
            LIVENESS  | 1 | 3 | FFF       | PPN       | ..^
            LIVENESS  | 1 | 3 | FFSFFF    | PPPPPN    | .....^
            LIVENESS  | 1 | 1 | SFS       | PNP       | .^^
            STARTUP   | 1 | 2 | FS        | PP        | ..
            STARTUP   | 1 | 2 | FFS       | PNP       | .^^
            """)
    void turnsOnlyAfterEnoughResultsInARow(Kind kind, int success, int failure, String results, String passing,
                                           String flips) {
        ProbeTracker tracker = ProbeTracker.start(kind, thresholds(success, failure));
        assertEquals(kind != Kind.READINESS, tracker.passing(), "state before the first run");
        StringBuilder seen = new StringBuilder();
        StringBuilder turned = new StringBuilder();
        Instant at = STARTED;
        for (char r : results.toCharArray()) {
            tracker = tracker.after(new ProbeResult(r == 'S', ""), at);
            seen.append(tracker.passing() ? 'P' : 'N');
            turned.append(tracker.flipped() ? '^' : '.');
            at = at.plusSeconds(10);
        }
        assertEquals(passing, seen.toString(), "passing after each run of " + results);
        assertEquals(flips, turned.toString(), "flips after each run of " + results);
    }

    /** Initial delay 5 s, period 10 s; lastRun is seconds after the start, '-' for never run. */
    @ParameterizedTest(name = "now=+{0}s lastRun={1} -> delayPassed={2} due={3} next=+{4}s")
    @CsvSource(nullValues = "-", textBlock = """
            0,  -,  false, false, 5
            4,  -,  false, false, 5
            5,  -,  true,  true,  5
            60, -,  true,  true,  5
            9,  5,  true,  false, 15
            15, 5,  true,  true,  15
            16, 5,  true,  true,  15
            3,  -10, false, false, 5
            """)
    void runsAfterTheInitialDelayThenEveryPeriod(long now, Long lastRun, boolean delayPassed, boolean due,
                                                  long next) {
        ProbeTracker tracker = ProbeTracker.start(Kind.LIVENESS, thresholds(1, 3));
        if (lastRun != null) {
            tracker = tracker.after(ProbeResult.success(""), STARTED.plusSeconds(lastRun));
        }
        Instant at = STARTED.plusSeconds(now);
        assertEquals(delayPassed, tracker.initialDelayPassed(at, STARTED));
        assertEquals(due, tracker.due(at, STARTED));
        assertEquals(STARTED.plusSeconds(next), tracker.nextRunAt(STARTED));
    }
}
