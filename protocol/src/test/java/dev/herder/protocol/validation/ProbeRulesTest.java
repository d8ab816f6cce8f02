package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.podWithContainer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes and lifecycle hooks; each case breaks exactly one rule. */
class ProbeRulesTest {
    static final String L = "spec.containers[0].livenessProbe";
    static final String TCP = "tcpSocket: {port: 80}";
    static final String ONE_HANDLER = ": must specify exactly one handler: exec, httpGet or tcpSocket";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("livenessProbe: {periodSeconds: 5}", L + ONE_HANDLER),
                Arguments.of("livenessProbe: {exec: {command: [x]}, " + TCP + "}", L + ONE_HANDLER),
                Arguments.of("livenessProbe: {" + TCP + ", initialDelaySeconds: -1}",
                        L + ".initialDelaySeconds: must be >= 0"),
                Arguments.of("livenessProbe: {" + TCP + ", periodSeconds: 0}", L + ".periodSeconds: must be >= 1"),
                Arguments.of("livenessProbe: {" + TCP + ", timeoutSeconds: 0}", L + ".timeoutSeconds: must be >= 1"),
                Arguments.of("livenessProbe: {" + TCP + ", failureThreshold: 0}",
                        L + ".failureThreshold: must be >= 1"),
                Arguments.of("readinessProbe: {" + TCP + ", successThreshold: 0}",
                        "spec.containers[0].readinessProbe.successThreshold: must be >= 1"),
                Arguments.of("livenessProbe: {" + TCP + ", successThreshold: 2}",
                        L + ".successThreshold: must be 1 for liveness and startup probes"),
                Arguments.of("startupProbe: {" + TCP + ", successThreshold: 3}",
                        "spec.containers[0].startupProbe.successThreshold: must be 1 for liveness and startup probes"),
                Arguments.of("readinessProbe: {" + TCP + ", terminationGracePeriodSeconds: 5}",
                        "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: not allowed for readiness"
                                + " probes"),
                Arguments.of("livenessProbe: {" + TCP + ", terminationGracePeriodSeconds: 0}",
                        L + ".terminationGracePeriodSeconds: must be >= 1"),
                Arguments.of("livenessProbe: {exec: {command: []}}", L + ".exec.command: required"),
                Arguments.of("livenessProbe: {httpGet: {path: /}}", L + ".httpGet.port: required"),
                Arguments.of("livenessProbe: {httpGet: {port: 0}}", L + ".httpGet.port: must be between 1 and 65535"),
                Arguments.of("livenessProbe: {httpGet: {port: 65536}}",
                        L + ".httpGet.port: must be between 1 and 65535"),
                Arguments.of("livenessProbe: {httpGet: {port: http}}",
                        L + ".httpGet.port: no container port named \"http\"; declare it in ports or give a number"),
                Arguments.of("livenessProbe: {tcpSocket: {port: \"8080\"}}",
                        L + ".tcpSocket.port: invalid value \"8080\": " + Names.IANA_SVC_NAME_RULE),
                Arguments.of("livenessProbe: {httpGet: {port: 80, scheme: FTP}}",
                        L + ".httpGet.scheme: unsupported value \"FTP\": must be one of HTTP, HTTPS"),
                Arguments.of("livenessProbe: {httpGet: {port: 80, httpHeaders: [{name: 'X Bad', value: v}]}}",
                        L + ".httpGet.httpHeaders[0].name: invalid value \"X Bad\": must be a valid HTTP header name"),
                Arguments.of("livenessProbe: {httpGet: {port: 80, httpHeaders: [{value: v}]}}",
                        L + ".httpGet.httpHeaders[0].name: required"),
                Arguments.of("lifecycle: {preStop: {}}", "spec.containers[0].lifecycle.preStop" + ONE_HANDLER),
                Arguments.of("lifecycle: {postStart: {httpGet: {port: web}}}",
                        "spec.containers[0].lifecycle.postStart.httpGet.port: no container port named \"web\";"
                                + " declare it in ports or give a number"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenProbeRule(String fields, String expected) {
        assertEquals(List.of(expected), errors(podWithContainer(fields)));
    }

    static Stream<String> valid() {
        return Stream.of(
                "ports: [{name: http, containerPort: 8080}], livenessProbe: {httpGet: {path: /healthz, port: http,"
                        + " scheme: HTTPS, httpHeaders: [{name: X-Custom, value: v}]}, initialDelaySeconds: 0,"
                        + " periodSeconds: 1, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 1,"
                        + " terminationGracePeriodSeconds: 1}",
                "readinessProbe: {" + TCP + ", successThreshold: 3}, startupProbe: {exec: {command: [/bin/true]}}",
                "lifecycle: {postStart: {exec: {command: [x]}}, preStop: {tcpSocket: {port: 80}}}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidProbes(String fields) {
        assertEquals(List.of(), errors(podWithContainer(fields)));
    }
}
