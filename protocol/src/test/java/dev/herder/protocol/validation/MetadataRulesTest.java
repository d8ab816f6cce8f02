package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.Fixtures.errors;
import static dev.herder.protocol.validation.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataRulesTest {
    static final String CONTAINERS = "spec: {containers: [{name: a, image: nginx}]}";

    static String pod(String metadata) {
        return "{apiVersion: v1, kind: Pod, metadata: " + metadata + ", " + CONTAINERS + "}";
    }

    static Stream<Arguments> cases() {
        String bigAnnotation = "x".repeat(ObjectLimits.MAX_ANNOTATIONS_BYTES);
        return Stream.of(
                Arguments.of(pod("{namespace: shop}"), "metadata.name: required"),
                Arguments.of(pod("{name: My_Pod}"),
                        "metadata.name: invalid value \"My_Pod\": " + Names.DNS1123_SUBDOMAIN_RULE),
                Arguments.of(pod("{name: web, namespace: Shop}"),
                        "metadata.namespace: invalid value \"Shop\": " + Names.DNS1123_LABEL_RULE),
                Arguments.of(pod("{name: web, labels: {app name: x}}"),
                        "metadata.labels: invalid key \"app name\": name part must be " + Names.NAME_PART_RULE),
                Arguments.of(pod("{name: web, labels: {Example.com/app: x}}"),
                        "metadata.labels: invalid key \"Example.com/app\": prefix " + Names.DNS1123_SUBDOMAIN_RULE),
                Arguments.of(pod("{name: web, labels: {app: -x}}"),
                        "metadata.labels.app: invalid value \"-x\": must be empty or " + Names.NAME_PART_RULE),
                Arguments.of(pod("{name: web, labels: {example.com/app: \"a b\"}}"),
                        "metadata.labels[example.com/app]: invalid value \"a b\": must be empty or "
                                + Names.NAME_PART_RULE),
                Arguments.of(pod("{name: web, annotations: {\"bad key\": x}}"),
                        "metadata.annotations: invalid key \"bad key\": name part must be " + Names.NAME_PART_RULE),
                Arguments.of(pod("{name: web, annotations: {a: " + bigAnnotation + "}}"),
                        "metadata.annotations: must have at most 262144 bytes in all (keys and values), has 262145"),
                Arguments.of("{apiVersion: v1, kind: Service, metadata: {name: 1web}, spec: {ports: [{port: 80}]}}",
                        "metadata.name: invalid value \"1web\": " + Names.DNS1035_LABEL_RULE),
                Arguments.of("{apiVersion: v1, kind: Node, metadata: {labels: {a: b}}}", "metadata.name: required"),
                Arguments.of("{apiVersion: v1, kind: Node, metadata: {name: Node_1}}",
                        "metadata.name: invalid value \"Node_1\": " + Names.DNS1123_SUBDOMAIN_RULE));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheBrokenMetadataRule(String yaml, String expected) {
        assertEquals(List.of(expected), errors(read(yaml)));
    }

    static Stream<String> valid() {
        return Stream.of(pod("{name: web.v1, namespace: shop, labels: {app.kubernetes.io/name: MyApp, empty: ''}}"),
                pod("{name: web, annotations: {example.com/note: 'any text: at all'}}"),
                "{apiVersion: v1, kind: Node, metadata: {name: node-1.example}}",
                "{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80}]}}");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidMetadata(String yaml) {
        assertEquals(List.of(), errors(read(yaml)));
    }
}
