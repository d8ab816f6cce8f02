package dev.herder.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import dev.herder.cli.FakeCluster;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.ApiResponse.ApplyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {
    private static final String POD_AND_RC = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-1
            spec:
              containers:
              - name: web
                image: nginx:1
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: nginx
            spec:
              replicas: 2
              selector:
                app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1
            """;

    private static final String POD_WITHOUT_IMAGE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: broken
            spec:
              containers:
              - name: web
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ApiResponse outcomes(ApiRequest request, String... actions) {
        List<ApiObject> objects = ((ApiRequest.Apply) request).objects();
        List<ApplyOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ApiObject o = objects.get(i);
            String action = actions[i];
            ApiError error = action.startsWith("!") ? ApiError.conflict(action.substring(1)) : null;
            outcomes.add(new ApplyOutcome(o.kind(), o.metadata().namespace(), o.metadata().name(),
                    error == null ? action : null, error == null ? o : null, error, List.of()));
        }
        return new ApiResponse.Applied(outcomes);
    }

    @Test
    void printsWhatBecameOfEachObject() throws IOException {
        FakeCluster cluster = new FakeCluster(r -> outcomes(r, "created", "configured"));

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", write("app.yaml", POD_AND_RC).toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("pod/web-1 created\nreplicationcontroller/nginx configured\n", result.out());
        assertEquals("", result.err());
        ApiRequest.Apply sent = (ApiRequest.Apply) cluster.requests.get(0);
        assertEquals(2, sent.objects().size(), "one request with every object");
        assertEquals("default", sent.objects().get(0).metadata().namespace(), "no namespace means the default one");
        assertEquals(0, cluster.openClients(), "the client is closed");
    }

    @Test
    void readsStandardInputAndPutsObjectsIntoTheNamespaceGiven() {
        FakeCluster cluster = new FakeCluster(r -> outcomes(r, "unchanged", "unchanged"));

        Result result = CliRun.run(cluster, Map.of(), POD_AND_RC, "apply", "-n", "shop", "-f", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("pod/web-1 unchanged\nreplicationcontroller/nginx unchanged\n", result.out());
        assertEquals("shop", ((ApiRequest.Apply) cluster.requests.get(0)).objects().get(0).metadata().namespace());
    }

    @Test
    void aRefusedObjectIsAnErrorLineAndExitCodeOne() throws IOException {
        FakeCluster cluster = new FakeCluster(r -> outcomes(r, "created",
                "!the object has been modified; please apply your changes to the latest version"));

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", write("app.yaml", POD_AND_RC).toString());

        assertEquals(1, result.exitCode());
        assertEquals("pod/web-1 created\n", result.out());
        assertEquals(List.of("error: replicationcontroller/nginx: the object has been modified; please apply your "
                + "changes to the latest version"), result.errLines());
    }

    @Test
    void anInvalidManifestFailsWithEveryFieldErrorBeforeTheClusterIsContacted() throws IOException {
        FakeCluster cluster = FakeCluster.untouchable();
        Path file = write("broken.yaml", POD_WITHOUT_IMAGE);

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", file.toString());

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(result.err().contains("spec.containers[0].image: required"), result.err());
        assertFalse(cluster.contacted());
    }

    @Test
    void aMissingFileIsNamed() {
        FakeCluster cluster = FakeCluster.untouchable();

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", dir.resolve("nope.yaml").toString());

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: the path \"" + dir.resolve("nope.yaml") + "\" does not exist"), result.errLines());
        assertFalse(cluster.contacted());
    }

    @Test
    void anUnknownFieldIsAnErrorAndNothingIsSent() throws IOException {
        FakeCluster cluster = FakeCluster.untouchable();
        Path file = write("typo.yaml", POD_AND_RC.replace("replicas: 2", "replicaz: 2"));

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", file.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: ") && result.err().contains("replicaz"), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertFalse(cluster.contacted());
    }

    @Test
    void aRefusedRequestPrintsTheServersMessage() throws IOException {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Failure(
                ApiError.unavailable("no majority of control-plane nodes: 1 of 3 reachable")));

        Result result = CliRun.run(cluster, Map.of(), "", "apply", "-f", write("app.yaml", POD_AND_RC).toString());

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: no majority of control-plane nodes: 1 of 3 reachable"), result.errLines());
    }

    @Test
    void withoutFileItIsAUsageError() {
        Result result = CliRun.run(FakeCluster.untouchable(), Map.of(), "", "apply");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: Missing required option"), result.err());
    }
}
