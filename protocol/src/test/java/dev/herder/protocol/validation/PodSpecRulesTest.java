package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pod-level rules; each case breaks exactly one. */
class PodSpecRulesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("{}", "spec.containers: required"),
                Arguments.of("{containers: []}", "spec.containers: required"),
                Arguments.of("{containers: [{image: nginx}]}", "spec.containers[0].name: required"),
                Arguments.of("{containers: [{name: Web, image: nginx}]}",
                        "spec.containers[0].name: invalid value \"Web\": " + Names.DNS1123_LABEL_RULE),
                Arguments.of("{containers: [{name: a, image: x}, {name: a, image: y}]}",
                        "spec.containers[1].name: duplicate name \"a\""),
                Arguments.of("{initContainers: [{name: a, image: x}], containers: [{name: a, image: y}]}",
                        "spec.containers[0].name: duplicate name \"a\""),
                Arguments.of("{containers: [{name: a}]}", "spec.containers[0].image: required"),
                Arguments.of("{containers: [{name: a, image: ' '}]}", "spec.containers[0].image: required"),
                Arguments.of("{restartPolicy: Sometimes, containers: [{name: a, image: x}]}",
                        "spec.restartPolicy: unsupported value \"Sometimes\": must be one of Always, OnFailure, Never"),
                Arguments.of("{terminationGracePeriodSeconds: -1, containers: [{name: a, image: x}]}",
                        "spec.terminationGracePeriodSeconds: must be >= 0"),
                Arguments.of("{nodeSelector: {disk type: ssd}, containers: [{name: a, image: x}]}",
                        "spec.nodeSelector: invalid key \"disk type\": name part must be " + Names.NAME_PART_RULE),
                Arguments.of("{nodeSelector: {disk: 'fast ssd'}, containers: [{name: a, image: x}]}",
                        "spec.nodeSelector.disk: invalid value \"fast ssd\": must be empty or " + Names.NAME_PART_RULE),
                Arguments.of("{nodeName: Node_1, containers: [{name: a, image: x}]}",
                        "spec.nodeName: invalid value \"Node_1\": " + Names.DNS1123_SUBDOMAIN_RULE),
                Arguments.of("{hostname: web.local, containers: [{name: a, image: x}]}",
                        "spec.hostname: invalid value \"web.local\": " + Names.DNS1123_LABEL_RULE),
                Arguments.of("{serviceAccountName: Default, containers: [{name: a, image: x}]}",
                        "spec.serviceAccountName: invalid value \"Default\": " + Names.DNS1123_SUBDOMAIN_RULE),
                Arguments.of("{containers: [{name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]},"
                                + " {name: b, image: y, ports: [{containerPort: 81, hostPort: 8080}]}]}",
                        "spec.containers[1].ports[0].hostPort: duplicate host port 8080/TCP"),
                Arguments.of("{hostNetwork: true, containers: [{name: a, image: x, ports: [{containerPort: 80}]},"
                                + " {name: b, image: y, ports: [{containerPort: 80}]}]}",
                        "spec.containers[1].ports[0].containerPort: duplicate host port 80/TCP"),
                Arguments.of("{hostNetwork: true, containers: [{name: a, image: x,"
                                + " ports: [{containerPort: 80, hostPort: 8080}]}]}",
                        "spec.containers[0].ports[0].hostPort: must match containerPort when hostNetwork is true"),
                Arguments.of("{initContainers: [{name: init, image: x, livenessProbe: {tcpSocket: {port: 80}}}],"
                                + " containers: [{name: a, image: x}]}",
                        "spec.initContainers[0].livenessProbe: not allowed for init containers"),
                Arguments.of("{initContainers: [{name: init, image: x, dependsOn: [a]}], containers: [{name: a,"
                                + " image: x}]}",
                        "spec.initContainers[0].dependsOn: not allowed for init containers (they run one after"
                                + " another)"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenPodRule(String spec, String expected) {
        assertEquals(List.of(expected), errors(pod(spec)));
    }

    static Stream<String> valid() {
        return Stream.of(
                "{containers: [{name: a, image: nginx}]}",
                "{restartPolicy: OnFailure, terminationGracePeriodSeconds: 0, nodeSelector: {disk: ssd},"
                        + " nodeName: node-1, hostname: web, containers: [{name: a, image: x}]}",
                "{hostNetwork: true, containers: [{name: a, image: x, ports: [{containerPort: 80, hostPort: 80},"
                        + " {containerPort: 80, protocol: UDP}]}]}",
                "{initContainers: [{name: init, image: busybox}], containers: [{name: a, image: x}]}",
                "{containers: [{name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]},"
                        + " {name: b, image: y, ports: [{containerPort: 80, hostPort: 8081}]}]}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidPodSpecs(String spec) {
        assertEquals(List.of(), errors(pod(spec)));
    }
}
