package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Service rules; each case breaks exactly one. */
class ServiceRulesTest {
    static final String RANGE = "must be between 1 and 65535";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("null", "spec: required"),
                Arguments.of("{selector: {app: web}}", "spec.ports: required"),
                Arguments.of("{ports: []}", "spec.ports: required"),
                Arguments.of("{ports: [{port: 0}]}", "spec.ports[0].port: " + RANGE),
                Arguments.of("{ports: [{port: 65536}]}", "spec.ports[0].port: " + RANGE),
                Arguments.of("{ports: [{targetPort: 80}]}", "spec.ports[0].port: required"),
                Arguments.of("{ports: [{name: web, port: 80}, {port: 81}]}",
                        "spec.ports[1].name: required when there is more than one port"),
                Arguments.of("{ports: [{name: web, port: 80}, {name: web, port: 81}]}",
                        "spec.ports[1].name: duplicate name \"web\""),
                Arguments.of("{ports: [{name: Web, port: 80}]}",
                        "spec.ports[0].name: invalid value \"Web\": " + Names.DNS1123_LABEL_RULE),
                Arguments.of("{ports: [{name: a, port: 80}, {name: b, port: 80}]}",
                        "spec.ports[1].port: duplicate port 80/TCP"),
                Arguments.of("{ports: [{port: 53, protocol: UDP}]}",
                        "spec.ports[0].protocol: UDP is not supported by Herder yet; only TCP is"),
                Arguments.of("{ports: [{port: 53, protocol: SCTP}]}",
                        "spec.ports[0].protocol: SCTP is not supported by Herder yet; only TCP is"),
                Arguments.of("{ports: [{port: 80, protocol: HTTP}]}",
                        "spec.ports[0].protocol: unsupported value \"HTTP\": must be one of TCP"),
                Arguments.of("{ports: [{port: 80, targetPort: 0}]}", "spec.ports[0].targetPort: " + RANGE),
                Arguments.of("{ports: [{port: 80, targetPort: web_port}]}",
                        "spec.ports[0].targetPort: invalid value \"web_port\": " + Names.IANA_SVC_NAME_RULE),
                Arguments.of("{type: LoadBalancer, ports: [{port: 80}]}",
                        "spec.type: LoadBalancer is not supported by Herder yet; use ClusterIP or NodePort"),
                Arguments.of("{type: ExternalName, ports: [{port: 80}]}",
                        "spec.type: ExternalName is not supported by Herder yet; use ClusterIP or NodePort"),
                Arguments.of("{type: Public, ports: [{port: 80}]}",
                        "spec.type: unsupported value \"Public\": must be one of ClusterIP, NodePort"),
                Arguments.of("{ports: [{port: 80, nodePort: 30080}]}",
                        "spec.ports[0].nodePort: may only be set when spec.type is NodePort"),
                Arguments.of("{type: NodePort, ports: [{port: 80, nodePort: 70000}]}",
                        "spec.ports[0].nodePort: " + RANGE),
                Arguments.of("{type: NodePort, ports: [{name: a, port: 80, nodePort: 30080},"
                                + " {name: b, port: 81, nodePort: 30080}]}",
                        "spec.ports[1].nodePort: duplicate node port 30080"),
                Arguments.of("{sessionAffinity: Sticky, ports: [{port: 80}]}",
                        "spec.sessionAffinity: unsupported value \"Sticky\": must be one of None, ClientIP"),
                Arguments.of("{selector: {app: 'a b'}, ports: [{port: 80}]}",
                        "spec.selector.app: invalid value \"a b\": must be empty or " + Names.NAME_PART_RULE),
                Arguments.of("{clusterIP: 10.0.0.300, ports: [{port: 80}]}",
                        "spec.clusterIP: invalid value \"10.0.0.300\": must be None or a valid IP address"),
                Arguments.of("{clusterIP: my-host, ports: [{port: 80}]}",
                        "spec.clusterIP: invalid value \"my-host\": must be None or a valid IP address"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenServiceRule(String spec, String expected) {
        assertEquals(List.of(expected), errors(service(spec)));
    }

    static Stream<String> valid() {
        return Stream.of(
                "{ports: [{port: 80}]}",
                "{type: ClusterIP, clusterIP: None, sessionAffinity: ClientIP, selector: {app.kubernetes.io/name: x},"
                        + " ports: [{name: web, port: 80, targetPort: http, protocol: TCP}, {name: admin, port: 81,"
                        + " targetPort: 9090}]}",
                "{type: NodePort, clusterIP: 10.96.0.10, ports: [{port: 80, nodePort: 30080}]}",
                "{clusterIP: 'fd00::10', ports: [{port: 80}]}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidServices(String spec) {
        assertEquals(List.of(), errors(service(spec)));
    }
}
