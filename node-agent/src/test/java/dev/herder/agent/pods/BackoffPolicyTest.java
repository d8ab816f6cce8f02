package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffPolicyTest {
    private static final BackoffPolicy DEFAULTS = BackoffPolicy.KUBELET_DEFAULTS;

    @Test
    void defaultsAreTheKubelets() {
        assertEquals(new BackoffPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10)),
                DEFAULTS);
    }

    @Test
    void podWithoutTheAnnotationGetsTheDefaults() {
        assertSame(DEFAULTS, BackoffPolicy.of(PodFixtures.pod("Always", "web"), DEFAULTS));
        var bare = PodFixtures.pod("Always", "web").withMetadata(
                new ObjectMeta("web-1", null, null, null, null, "u", null, null, null, null, List.of()));
        assertSame(DEFAULTS, BackoffPolicy.of(bare, DEFAULTS));
    }

    @ParameterizedTest(name = "\"{0}\" -> initial {1} ms, max {2} ms, reset {3} ms")
    @CsvSource(delimiter = '|', value = {
        "initial=2s,max=1m,reset=5m  | 2000   | 60000   | 300000",
        "initial=500ms               | 500    | 300000  | 600000",
        "max=1h                      | 10000  | 3600000 | 600000",
        "reset=30s                   | 10000  | 300000  | 30000",
        "' reset = 1m , initial=1s ' | 1000   | 300000  | 60000",
        "initial=10m                 | 600000 | 600000  | 600000",
        "max=1s                      | 1000   | 1000    | 600000",
    })
    void annotationOverridesOnlyTheKeysItGives(String value, long initialMs, long maxMs, long resetMs) {
        BackoffPolicy expected = new BackoffPolicy(Duration.ofMillis(initialMs), Duration.ofMillis(maxMs),
                Duration.ofMillis(resetMs));
        assertEquals(expected, BackoffPolicy.of(PodFixtures.annotated(value), DEFAULTS));
        assertTrue(BackoffPolicy.problem(value).isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\" is refused, naming \"{1}\" because {2}")
    @CsvSource(delimiter = '|', value = {
        "initial=2x              | initial=2x   | \"2x\" is not a duration",
        "initial=2               | initial=2    | \"2\" is not a duration",
        "initial=-1s             | initial=-1s  | \"-1s\" is not a duration",
        "initial=1.5s            | initial=1.5s | \"1.5s\" is not a duration",
        "min=1s                  | min=1s       | unknown key \"min\"",
        "initial                 | initial      | not key=duration",
        "initial=1s,,max=2m      | ''           | nothing between commas",
        "max=1m,max=2m           | max=2m       | max is given twice",
        "reset=0s                | reset=0s     | reset must be longer than zero",
        "initial=2m,max=1m       | initial=2m,max=1m | initial longer than max",
    })
    void malformedAnnotationIsRefusedNamingTheAnnotationThePartAndTheExpectedForm(String value, String part,
            String why) {
        String problem = BackoffPolicy.problem(value).orElseThrow();
        assertTrue(problem.contains(BackoffPolicy.ANNOTATION), problem);
        assertTrue(problem.contains("\"" + part + "\""), problem);
        assertTrue(problem.contains(why), problem);
        assertTrue(problem.contains("e.g. initial=2s,max=1m,reset=5m"), problem);
        var thrown = assertThrows(IllegalArgumentException.class,
                () -> BackoffPolicy.of(PodFixtures.annotated(value), DEFAULTS));
        assertEquals(problem, thrown.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is refused as empty")
    @CsvSource({"''", "'   '"})
    void emptyAnnotationIsRefused(String value) {
        String problem = BackoffPolicy.problem(value).orElseThrow();
        assertTrue(problem.contains(BackoffPolicy.ANNOTATION + " is empty"), problem);
        assertThrows(IllegalArgumentException.class, () -> BackoffPolicy.of(PodFixtures.annotated(value), DEFAULTS));
    }

    @Test
    void policyRefusesInitialLongerThanMax() {
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(10)));
    }

    @Test
    void policyRefusesZeroDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> new BackoffPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(10)));
    }

    @Test
    void annotationOnAnotherKeyIsIgnored() {
        var pod = PodFixtures.pod("Always", Map.of("herder.dev/other", "x"), "web");
        assertSame(DEFAULTS, BackoffPolicy.of(pod, DEFAULTS));
    }
}
