package dev.herder.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kubernetes documentation's own example manifests, read exactly as published. */
class KubernetesExamplesTest {
    /** Maven runs tests in the module folder; shared/ sits beside the clone. */
    static final Path EXAMPLES = Path.of("../../shared/k8s-examples");
    static final String DEPLOYMENT = "run-my-nginx.yaml";

    static Path examples() {
        assertTrue(Files.isDirectory(EXAMPLES), "the Kubernetes example manifests are missing: expected them in "
                + EXAMPLES.toAbsolutePath().normalize() + " (shared/k8s-examples beside the clone)");
        return EXAMPLES;
    }

    static Stream<String> readableExamples() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals(DEPLOYMENT)).sorted().toList();
            assertFalse(names.isEmpty(), "no *.yaml in " + EXAMPLES);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("readableExamples")
    void readsEveryExampleWithoutWarningsAndItValidates(String name) {
        ReadResult result = ManifestReader.readFile(examples().resolve(name));
        assertEquals(1, result.objects().size());
        assertEquals(List.of(), result.warnings());
        ApiObject object = result.objects().get(0);
        assertEquals(List.of(), Validator.validate(object), name);
        assertEquals("default", object.metadata().namespace());
    }

    @Test
    void refusesTheDeploymentAndSaysWhatToUseInstead() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestReader.readFile(examples().resolve(DEPLOYMENT)));
        assertEquals(List.of(examples().resolve(DEPLOYMENT) + ": Deployment/my-nginx: apps/v1 Deployment is not"
                + " supported by Herder yet; use a ReplicationController (apiVersion: v1, kind: ReplicationController)"
                + " with the same template and selector.matchLabels as selector"), e.errors());
    }

    @Test
    void readsTheReplicationControllerWrittenInFlowStyleWithTrailingCommas() {
        var rc = (ReplicationController) only("replication.yaml");
        assertEquals("nginx", rc.metadata().name());
        assertEquals(3, rc.spec().replicas());
        assertEquals(Map.of("app", "nginx"), rc.spec().selector());
        assertEquals(80, rc.spec().template().spec().containers().get(0).ports().get(0).containerPort());
    }

    @Test
    void readsTcpProbesOnPort8080() {
        var pod = (Pod) only("tcp-liveness-readiness.yaml");
        var container = pod.spec().containers().get(0);
        assertEquals(IntOrString.of(8080), container.livenessProbe().tcpSocket().port());
        assertEquals(IntOrString.of(8080), container.readinessProbe().tcpSocket().port());
        assertEquals(15, container.readinessProbe().initialDelaySeconds());
        assertEquals("goproxy", pod.metadata().labels().get("app.kubernetes.io/name"));
    }

    @Test
    void readsTheServiceSelectorWithAPrefixedKey() {
        var service = (Service) only("simple-service.yaml");
        assertEquals(Map.of("app.kubernetes.io/name", "MyApp"), service.spec().selector());
        assertEquals(IntOrString.of(9376), service.spec().ports().get(0).targetPort());
        assertEquals("TCP", service.spec().ports().get(0).protocol());
    }

    @Test
    void readsHttpProbeHeadersExecCommandsAndEmptyDirVolumes() {
        var http = (Pod) only("http-liveness.yaml");
        var get = http.spec().containers().get(0).livenessProbe().httpGet();
        assertEquals("/healthz", get.path());
        assertEquals("Custom-Header", get.httpHeaders().get(0).name());
        var exec = (Pod) only("exec-liveness.yaml");
        assertEquals(List.of("cat", "/tmp/healthy"), exec.spec().containers().get(0).livenessProbe().exec().command());
        var redis = (Pod) only("redis.yaml");
        assertEquals("redis-storage", redis.spec().volumes().get(0).name());
        assertTrue(redis.spec().volumes().get(0).emptyDir() != null, "emptyDir: {} is an emptyDir volume");
    }

    @Test
    void readsTheWholeFolderAndReportsOnlyTheDeployment() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.readDirectory(examples()));
        assertEquals(1, e.errors().size());
        assertTrue(e.getMessage().contains("Deployment/my-nginx"), e.getMessage());
    }

    private static ApiObject only(String name) {
        return ManifestReader.readFile(examples().resolve(name)).objects().get(0);
    }
}
