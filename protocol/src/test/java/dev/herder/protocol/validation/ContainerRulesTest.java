package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.podWithContainer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules of one container: pull policy, ports, env, resources. Each case breaks exactly one. */
class ContainerRulesTest {
    static final String C = "spec.containers[0].";
    static final String RANGE = "must be between 1 and 65535";
    static final String QUANTITY = ": must be a quantity such as 500m, 2, 64Mi or 1G";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("imagePullPolicy: Sometimes",
                        C + "imagePullPolicy: unsupported value \"Sometimes\": must be one of Always, IfNotPresent,"
                                + " Never"),
                Arguments.of("ports: [{containerPort: 0}]", C + "ports[0].containerPort: " + RANGE),
                Arguments.of("ports: [{containerPort: 65536}]", C + "ports[0].containerPort: " + RANGE),
                Arguments.of("ports: [{name: http}]", C + "ports[0].containerPort: required"),
                Arguments.of("ports: [{containerPort: 80, hostPort: 0}]", C + "ports[0].hostPort: " + RANGE),
                Arguments.of("ports: [{containerPort: 80, hostPort: 70000}]", C + "ports[0].hostPort: " + RANGE),
                Arguments.of("ports: [{containerPort: 80, name: HTTP}]",
                        C + "ports[0].name: invalid value \"HTTP\": " + Names.IANA_SVC_NAME_RULE),
                Arguments.of("ports: [{containerPort: 80, name: web}, {containerPort: 81, name: web}]",
                        C + "ports[1].name: duplicate name \"web\""),
                Arguments.of("ports: [{containerPort: 80, protocol: HTTP}]",
                        C + "ports[0].protocol: unsupported value \"HTTP\": must be one of TCP, UDP, SCTP"),
                Arguments.of("env: [{value: x}]", C + "env[0].name: required"),
                Arguments.of("env: [{name: 1ABC}]",
                        C + "env[0].name: invalid value \"1ABC\": " + Names.ENV_VAR_NAME_RULE),
                Arguments.of("env: [{name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]",
                        C + "env[0].valueFrom: may not be specified when value is not empty"),
                Arguments.of("env: [{name: A, valueFrom: {}}]",
                        C + "env[0].valueFrom: must specify fieldRef (the only source Herder supports)"),
                Arguments.of("env: [{name: A, valueFrom: {fieldRef: {}}}]",
                        C + "env[0].valueFrom.fieldRef.fieldPath: required"),
                Arguments.of("env: [{name: A, valueFrom: {fieldRef: {fieldPath: status.hostIPs}}}]",
                        C + "env[0].valueFrom.fieldRef.fieldPath: unsupported value \"status.hostIPs\": supported"
                                + " values are metadata.name, metadata.namespace, metadata.uid, metadata.labels,"
                                + " metadata.annotations, spec.nodeName, spec.serviceAccountName, status.hostIP,"
                                + " status.podIP, status.podIPs, metadata.labels['<key>'],"
                                + " metadata.annotations['<key>']"),
                Arguments.of("env: [{name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['a b']\"}}}]",
                        C + "env[0].valueFrom.fieldRef.fieldPath: invalid key \"a b\": name part must be "
                                + Names.NAME_PART_RULE),
                Arguments.of("env: [{name: A, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}]",
                        C + "env[0].valueFrom.fieldRef.apiVersion: unsupported value \"v2\": must be v1"),
                Arguments.of("resources: {limits: {cpu: abc}}",
                        C + "resources.limits.cpu: invalid value \"abc\"" + QUANTITY),
                Arguments.of("resources: {requests: {memory: 1.2.3Mi}}",
                        C + "resources.requests.memory: invalid value \"1.2.3Mi\"" + QUANTITY),
                Arguments.of("resources: {requests: {cpu: -1}}", C + "resources.requests.cpu: must be >= 0"),
                Arguments.of("resources: {requests: {cpus: 1}}",
                        C + "resources.requests.cpus: unsupported resource name \"cpus\": must be cpu, memory,"
                                + " ephemeral-storage, hugepages-<size> or a domain-prefixed extended resource"
                                + " (example.com/gpu)"),
                Arguments.of("resources: {requests: {cpu: 1, memory: 128Mi}, limits: {cpu: 500m, memory: 1Gi}}",
                        C + "resources.requests.cpu: must be less than or equal to the cpu limit (500m)"),
                Arguments.of("resources: {requests: {memory: 2G}, limits: {memory: 1Gi}}",
                        C + "resources.requests.memory: must be less than or equal to the memory limit (1Gi)"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenContainerRule(String fields, String expected) {
        assertEquals(List.of(expected), errors(podWithContainer(fields)));
    }

    static Stream<String> valid() {
        return Stream.of(
                "imagePullPolicy: IfNotPresent, ports: [{name: http, containerPort: 80, hostPort: 8080},"
                        + " {name: metrics, containerPort: 9090, protocol: TCP}]",
                "env: [{name: A, value: x}, {name: B, value: '', valueFrom: {fieldRef: {fieldPath: status.podIP}}},"
                        + " {name: C, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: \"metadata.labels['app']\"}}},"
                        + " {name: my.var-1}]",
                "resources: {requests: {cpu: 250m, memory: 64Mi, example.com/gpu: 1, hugepages-2Mi: 0},"
                        + " limits: {cpu: 0.5, memory: 64Mi, ephemeral-storage: 1G}}",
                "resources: {requests: {cpu: 100m}, limits: {memory: 1Gi}}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidContainers(String fields) {
        assertEquals(List.of(), errors(podWithContainer(fields)));
    }
}
