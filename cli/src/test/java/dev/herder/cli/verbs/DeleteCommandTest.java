package dev.herder.cli.verbs;

import static dev.herder.cli.TestObjects.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.cli.CliRun.Result;
import dev.herder.cli.CliRun;
import dev.herder.cli.FakeCluster;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeleteCommandTest {
    private final FakeCluster CLUSTER_WITH_WEB_1 = new FakeCluster(r -> {
        ApiRequest.Delete delete = (ApiRequest.Delete) r;
        if (delete.name().equals("web-1")) {
            return new ApiResponse.Deleted(runningPod("web-1"));
        }
        return new ApiResponse.Failure(ApiError.notFound(
                dev.herder.protocol.api.Kinds.plural(delete.kind()) + " \"" + delete.name() + "\" not found"));
    });

    @Test
    void deletesByKindAndName() {
        Result result = CliRun.run(CLUSTER_WITH_WEB_1, Map.of(), "", "delete", "pod", "web-1");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("pod \"web-1\" deleted\n", result.out());
        assertEquals(new ApiRequest.Delete(Pod.KIND, "default", "web-1", ApiRequest.Delete.BACKGROUND), CLUSTER_WITH_WEB_1.requests.get(0));
    }

    @Test
    void notFoundIsTheServersMessageAndExitCodeOne() {
        Result result = CliRun.run(CLUSTER_WITH_WEB_1, Map.of(), "", "delete", "pods", "web-1", "web-2");

        assertEquals(1, result.exitCode());
        assertEquals("pod \"web-1\" deleted\n", result.out());
        assertEquals(List.of("error: pods \"web-2\" not found"), result.errLines());
    }

    @Test
    void deletesWhatAManifestNames() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Deleted(runningPod("x")));
        String manifest = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                """;

        Result result = CliRun.run(cluster, Map.of(), manifest, "delete", "-f", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("service \"web\" deleted\n", result.out());
        assertEquals(new ApiRequest.Delete(Service.KIND, "shop", "web", ApiRequest.Delete.BACKGROUND), cluster.requests.get(0));
    }

    @Test
    void acceptsKindSlashName() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Deleted(runningPod("x")));

        Result result = CliRun.run(cluster, Map.of(), "", "delete", "svc/web", "-n", "shop");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(new ApiRequest.Delete(Service.KIND, "shop", "web", ApiRequest.Delete.BACKGROUND), cluster.requests.get(0));
    }

    @Test
    void cascadeOrphanIsPassedOnAndAnUnknownCascadeIsRefusedBeforeAsking() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Deleted(runningPod("x")));

        Result orphan = CliRun.run(cluster, Map.of(), "", "delete", "rc", "web", "--cascade=orphan");
        Result unknown = CliRun.run(cluster, Map.of(), "", "delete", "rc", "web", "--cascade=sideways");

        assertEquals(0, orphan.exitCode(), orphan.err());
        assertEquals(new ApiRequest.Delete("ReplicationController", "default", "web", ApiRequest.Delete.ORPHAN),
                cluster.requests.get(0));
        assertEquals(1, unknown.exitCode());
        assertEquals(List.of("error: --cascade must be background, foreground or orphan, not \"sideways\""),
                unknown.errLines());
        assertEquals(1, cluster.requests.size());
    }

    @Test
    void nothingNamedIsAnError() {
        Result result = CliRun.run(FakeCluster.untouchable(), Map.of(), "", "delete", "pods");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: name the pods to delete: herder delete pods NAME"), result.errLines());
    }

    @Test
    void waitsUntilAPodBeingStoppedIsGoneAndPassesTheGracePeriodOn() {
        Pod pod = runningPod("web-1");
        Pod terminating = (Pod) pod.withMetadata(pod.metadata().withDeletionTimestamp(
                Instant.now().plusSeconds(30).toString()));
        AtomicInteger gets = new AtomicInteger();
        FakeCluster cluster = new FakeCluster(r -> r instanceof ApiRequest.Delete ? new ApiResponse.Deleted(terminating)
                : gets.incrementAndGet() < 3 ? new ApiResponse.Objects(Pod.KIND, List.of(terminating))
                : new ApiResponse.Failure(ApiError.notFound("pods \"web-1\" not found")));

        Result result = CliRun.run(cluster, Map.of(), "", "delete", "pod", "web-1", "--grace-period", "5");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("pod \"web-1\" deleted\n", result.out());
        assertEquals(3, gets.get(), "asked until the pod was gone");
        assertEquals(new ApiRequest.Delete(Pod.KIND, "default", "web-1", ApiRequest.Delete.BACKGROUND, 5L),
                cluster.requests.get(0));

        Result noWait = CliRun.run(cluster, Map.of(), "", "delete", "pod", "web-1", "--no-wait");
        assertEquals(0, noWait.exitCode(), noWait.err());
        assertEquals(3, gets.get(), "--no-wait returns once the pod is Terminating");
    }

    @Test
    void aZeroGracePeriodNeedsForce() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Deleted(runningPod("x")));
        Result refused = CliRun.run(cluster, Map.of(), "", "delete", "pod", "x", "--grace-period", "0");
        assertEquals(1, refused.exitCode());
        assertEquals(0, cluster.requests.size());
        Result forced = CliRun.run(cluster, Map.of(), "", "delete", "pod", "x", "--grace-period", "0", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(new ApiRequest.Delete(Pod.KIND, "default", "x", ApiRequest.Delete.BACKGROUND, 0L),
                cluster.requests.get(0));
    }
}
