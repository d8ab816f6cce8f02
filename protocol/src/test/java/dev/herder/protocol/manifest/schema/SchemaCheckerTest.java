package dev.herder.protocol.manifest.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.manifest.ReadResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema pass, seen through the reader: unknown fields, fields Herder does not model, wrong types. */
class SchemaCheckerTest {
    static final String WARNING = ": accepted but not acted on by Herder yet";

    static String pod(String metadataExtra, String specExtra, String containerExtra) {
        return "{apiVersion: v1, kind: Pod, metadata: {name: web" + metadataExtra + "}, spec: {"
                + specExtra + "containers: [{name: a, image: nginx" + containerExtra + "}]}}";
    }

    static Stream<Arguments> unknown() {
        return Stream.of(
                Arguments.of(pod("", "", ", imagge: x"), "spec.containers[0].imagge: unknown field (did you mean image?)"),
                Arguments.of(pod(", label: {a: b}", "", ""), "metadata.label: unknown field (did you mean labels?)"),
                Arguments.of(pod("", "containerz: [], ", ""),
                        "spec.containerz: unknown field (did you mean containers?)"),
                Arguments.of(pod("", "", ", livenessProbe: {tcpSocket: {port: 80}, period: 5}"),
                        "spec.containers[0].livenessProbe.period: unknown field"),
                Arguments.of(pod("", "volumes: [{name: v, emptyDir: {}, emptydir: {}}], ", ""),
                        "spec.volumes[0].emptydir: unknown field (did you mean emptyDir?)"),
                Arguments.of("{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ports: [{port: 80,"
                        + " target: 8080}]}}", "spec.ports[0].target: unknown field"),
                Arguments.of("{apiVersion: v1, kind: ReplicationController, metadata: {name: r}, spec: {replica: 2}}",
                        "spec.replica: unknown field (did you mean replicas?)"),
                Arguments.of("{apiVersion: v1, kind: Node, metadata: {name: n}, extra: 1}", "extra: unknown field"));
    }

    @ParameterizedTest
    @MethodSource("unknown")
    void refusesAFieldKubernetesDoesNotDefineNamingItsPath(String yaml, String error) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(yaml, "u.yaml"));
        String name = e.errors().get(0).split(": ")[1];
        assertEquals(List.of("u.yaml: " + name + ": " + error), e.errors());
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of(pod("", "affinity: {}, ", ""), "spec.affinity"),
                Arguments.of(pod("", "tolerations: [], ", ""), "spec.tolerations"),
                Arguments.of(pod("", "securityContext: {runAsUser: 1}, ", ""), "spec.securityContext"),
                Arguments.of(pod("", "dnsPolicy: ClusterFirst, ", ""), "spec.dnsPolicy"),
                Arguments.of(pod("", "serviceAccount: x, ", ""), "spec.serviceAccount"),
                Arguments.of(pod("", "priorityClassName: high, ", ""), "spec.priorityClassName"),
                Arguments.of(pod("", "", ", securityContext: {privileged: true}"), "spec.containers[0].securityContext"),
                Arguments.of(pod("", "", ", envFrom: [{configMapRef: {name: c}}]"), "spec.containers[0].envFrom"),
                Arguments.of(pod("", "", ", stdin: true, tty: true"), "spec.containers[0].stdin"),
                Arguments.of(pod("", "", ", terminationMessagePath: /dev/log"),
                        "spec.containers[0].terminationMessagePath"),
                Arguments.of(pod("", "", ", resizePolicy: []"), "spec.containers[0].resizePolicy"),
                Arguments.of(pod("", "", ", livenessProbe: {tcpSocket: {port: 80}, grpc: {port: 9}}"),
                        "spec.containers[0].livenessProbe.grpc"),
                Arguments.of(pod("", "", ", env: [{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name},"
                        + " secretKeyRef: {name: s, key: k}}}]"), "spec.containers[0].env[0].valueFrom.secretKeyRef"),
                Arguments.of(pod("", "volumes: [{name: v, emptyDir: {}, configMap: {name: c}}], ", ""),
                        "spec.volumes[0].configMap"),
                Arguments.of(pod("", "volumes: [{name: v, emptyDir: {}, persistentVolumeClaim: {claimName: c}}], ", ""),
                        "spec.volumes[0].persistentVolumeClaim"),
                Arguments.of(pod("", "volumes: [{name: v, emptyDir: {}, secret: {secretName: s}}], ", ""),
                        "spec.volumes[0].secret"),
                Arguments.of(pod(", finalizers: [x]", "", ""), "metadata.finalizers"),
                Arguments.of(pod(", selfLink: /api/v1/x", "", ""), "metadata.selfLink"),
                Arguments.of("{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {externalTrafficPolicy: Local,"
                        + " ports: [{port: 80}]}}", "spec.externalTrafficPolicy"),
                Arguments.of("{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ipFamilies: [IPv4],"
                        + " ports: [{port: 80}]}}", "spec.ipFamilies"),
                Arguments.of("{apiVersion: v1, kind: Node, metadata: {name: n}, spec: {taints: []}}", "spec.taints"));
    }

    @ParameterizedTest
    @MethodSource("unsupported")
    void acceptsAFieldHerderDoesNotModelWithAWarningAndDropsIt(String yaml, String path) {
        ReadResult result = ManifestReader.read(yaml, "w.yaml");
        String name = result.warnings().get(0).split(": ")[1];
        assertEquals("w.yaml: " + name + ": " + path + WARNING, result.warnings().get(0));
        assertEquals(1, result.objects().size());
    }

    @Test
    void allowsHerdersOwnDependsOnWithoutAWarning() {
        ReadResult result = ManifestReader.read(pod("", "", ", dependsOn: [b]"), "d.yaml");
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of("b"), ((Pod) result.objects().get(0)).spec().containers().get(0).dependsOn());
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(pod("", "", ", workingDir: 3"),
                        "spec.containers[0].workingDir: must be a string, got number 3"),
                Arguments.of(pod(", labels: {on: yes}", "", ""),
                        "metadata.labels.on: must be a string, got boolean true"),
                Arguments.of(pod("", "hostNetwork: 'yes', ", ""),
                        "spec.hostNetwork: must be true or false, got string \"yes\""),
                Arguments.of(pod("", "", ", ports: {containerPort: 80}"),
                        "spec.containers[0].ports: must be a list, got an object"),
                Arguments.of(pod("", "", ", ports: [{containerPort: 8.5}]"),
                        "spec.containers[0].ports[0].containerPort: must be an integer, got number 8.5"),
                Arguments.of(pod("", "", ", ports: [{containerPort: '80'}]"),
                        "spec.containers[0].ports[0].containerPort: must be an integer, got string \"80\""),
                Arguments.of(pod("", "", ", resources: {limits: {cpu: [1]}}"),
                        "spec.containers[0].resources.limits.cpu: must be a quantity such as 500m, 2 or 64Mi,"
                                + " got a list"),
                Arguments.of(pod("", "", ", args: [a, null]"), "spec.containers[0].args[1]: must not be null"),
                Arguments.of(pod("", "", ", livenessProbe: {tcpSocket: {port: true}}"),
                        "spec.containers[0].livenessProbe.tcpSocket.port: must be an integer or a string, got boolean"
                                + " true"),
                Arguments.of("{apiVersion: v1, kind: Pod, metadata: [web]}", "metadata: must be an object, got a list"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void refusesAValueOfTheWrongTypeNamingWhatItGot(String yaml, String error) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(yaml, "t.yaml"));
        assertEquals(1, e.errors().size(), e.errors().toString());
        assertEquals(error, e.errors().get(0).replaceFirst("^t\\.yaml: [^:]+: ", ""));
    }

    @Test
    void readsNumericQuantitiesAsText() {
        Pod pod = (Pod) ManifestReader.read(pod("", "", ", resources: {limits: {cpu: 0.5, memory: 1000}}"), "q.yaml")
                .objects().get(0);
        assertEquals("0.5", pod.spec().containers().get(0).resources().limits().get("cpu"));
        assertEquals("1000", pod.spec().containers().get(0).resources().limits().get("memory"));
    }
}
