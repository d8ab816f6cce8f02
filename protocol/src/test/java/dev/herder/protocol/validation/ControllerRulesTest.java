package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.controller;
import static dev.herder.protocol.validation.Fixtures.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ReplicationController rules; each case breaks exactly one. */
class ControllerRulesTest {
    static final String TEMPLATE = "template: {metadata: {labels: {app: web}}, spec: {containers: [{name: a,"
            + " image: x}]}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("null", "spec: required"),
                Arguments.of("{replicas: -1, selector: {app: web}, " + TEMPLATE + "}", "spec.replicas: must be >= 0"),
                Arguments.of("{minReadySeconds: -5, selector: {app: web}, " + TEMPLATE + "}",
                        "spec.minReadySeconds: must be >= 0"),
                Arguments.of("{" + TEMPLATE + "}", "spec.selector: required"),
                Arguments.of("{selector: {}, " + TEMPLATE + "}", "spec.selector: required"),
                Arguments.of("{selector: {app: web}}", "spec.template: required"),
                Arguments.of("{selector: {app: db}, " + TEMPLATE + "}",
                        "spec.template.metadata.labels: must match spec.selector"),
                Arguments.of("{selector: {app: web}, template: {spec: {containers: [{name: a, image: x}]}}}",
                        "spec.template.metadata.labels: must match spec.selector"),
                Arguments.of("{selector: {app: web}, template: {metadata: {labels: {app: web}}}}",
                        "spec.template.spec: required"),
                Arguments.of("{selector: {app: web}, template: {metadata: {labels: {app: web}},"
                                + " spec: {containers: [{name: a}]}}}",
                        "spec.template.spec.containers[0].image: required"),
                Arguments.of("{selector: {app: web}, template: {metadata: {labels: {app: web}},"
                                + " spec: {restartPolicy: Never, containers: [{name: a, image: x}]}}}",
                        "spec.template.spec.restartPolicy: unsupported value \"Never\": must be Always in a"
                                + " ReplicationController's template"),
                Arguments.of("{selector: {app: web}, template: {metadata: {labels: {app: web, bad key: x}},"
                                + " spec: {containers: [{name: a, image: x}]}}}",
                        "spec.template.metadata.labels: invalid key \"bad key\": name part must be "
                                + Names.NAME_PART_RULE));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenControllerRule(String spec, String expected) {
        assertEquals(List.of(expected), errors(controller(spec)));
    }

    @Test
    void checksSelectorValuesLikeLabelValues() {
        String spec = "{selector: {app: 'web!'}, template: {metadata: {labels: {app: 'web!'}},"
                + " spec: {containers: [{name: a, image: x}]}}}";
        String rule = ": invalid value \"web!\": must be empty or " + Names.NAME_PART_RULE;
        assertEquals(List.of("spec.selector.app" + rule, "spec.template.metadata.labels.app" + rule),
                errors(controller(spec)));
    }

    static Stream<String> valid() {
        return Stream.of("{replicas: 0, minReadySeconds: 0, selector: {app: web}, " + TEMPLATE + "}",
                "{selector: {app: web}, template: {metadata: {name: ignored, labels: {app: web, tier: front}},"
                        + " spec: {restartPolicy: Always, containers: [{name: a, image: x}]}}}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidControllers(String spec) {
        assertEquals(List.of(), errors(controller(spec)));
    }
}
