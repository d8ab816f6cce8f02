package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Herder's dependsOn: other containers of the same pod, no cycles. */
class DependsOnRulesTest {
    static String containers(String... deps) {
        StringBuilder out = new StringBuilder("{containers: [");
        for (int i = 0; i < deps.length; i++) {
            out.append(i == 0 ? "" : ", ").append("{name: ").append((char) ('a' + i))
                    .append(", image: x, dependsOn: [").append(deps[i]).append("]}");
        }
        return out.append("]}").toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(containers("db"), List.of("spec.containers[0].dependsOn[0]: no container named \"db\""
                        + " in this pod")),
                Arguments.of(containers("a"), List.of("spec.containers[0].dependsOn[0]: a container cannot depend"
                        + " on itself")),
                Arguments.of(containers("b, b", ""), List.of("spec.containers[0].dependsOn[1]: duplicate dependency"
                        + " \"b\"")),
                Arguments.of(containers("b", "a"), List.of("spec.containers[1].dependsOn: cycle a -> b -> a")),
                Arguments.of(containers("b", "c", "a"), List.of("spec.containers[2].dependsOn: cycle a -> b -> c -> a")),
                Arguments.of(containers("", "c", "b"), List.of("spec.containers[2].dependsOn: cycle b -> c -> b")),
                Arguments.of(containers("b, c", "a", "a"), List.of("spec.containers[1].dependsOn: cycle a -> b -> a",
                        "spec.containers[2].dependsOn: cycle a -> c -> a")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsBadDependencies(String spec, List<String> expected) {
        assertEquals(expected, errors(pod(spec)));
    }

    static Stream<String> valid() {
        return Stream.of(containers("b, c", "c", ""), containers("", "a", "a, b"), containers("", "", ""));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsDependenciesWithoutCycles(String spec) {
        assertEquals(List.of(), errors(pod(spec)));
    }
}
