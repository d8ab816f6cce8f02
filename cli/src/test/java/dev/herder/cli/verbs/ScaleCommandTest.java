package dev.herder.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import dev.herder.cli.FakeCluster;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleCommandTest {
    private final FakeCluster cluster = new FakeCluster(r -> {
        ApiRequest.Scale scale = (ApiRequest.Scale) r;
        if (scale.name().equals("web")) {
            return new ApiResponse.Applied(List.of(new ApiResponse.ApplyOutcome(ReplicationController.KIND, "default",
                    "web", "scaled", null, null, List.of())));
        }
        return new ApiResponse.Failure(ApiError.notFound("replicationcontrollers \"" + scale.name() + "\" not found"));
    });

    @Test
    void scalesAnRcByKindAndNameOrKindSlashName() {
        Result spaced = CliRun.run(cluster, Map.of(), "", "scale", "rc", "web", "--replicas", "5");
        Result slashed = CliRun.run(cluster, Map.of(), "", "scale", "replicationcontrollers/web", "--replicas=0", "-n", "shop");

        assertEquals(0, spaced.exitCode(), spaced.err());
        assertEquals("replicationcontroller/web scaled\n", spaced.out());
        assertEquals(0, slashed.exitCode(), slashed.err());
        assertEquals(List.of(new ApiRequest.Scale(ReplicationController.KIND, "default", "web", 5),
                new ApiRequest.Scale(ReplicationController.KIND, "shop", "web", 0)), cluster.requests);
    }

    @Test
    void aMissingRcIsTheServersMessageAndBadArgumentsAreRefusedBeforeAsking() {
        Result missing = CliRun.run(cluster, Map.of(), "", "scale", "rc", "nope", "--replicas", "2");
        Result negative = CliRun.run(cluster, Map.of(), "", "scale", "rc", "web", "--replicas", "-1");
        Result noName = CliRun.run(cluster, Map.of(), "", "scale", "rc", "--replicas", "2");
        Result noReplicas = CliRun.run(cluster, Map.of(), "", "scale", "rc", "web");

        assertEquals(List.of("error: replicationcontrollers \"nope\" not found"), missing.errLines());
        assertEquals(List.of("error: --replicas must be 0 or more, not -1"), negative.errLines());
        assertEquals(1, noName.exitCode());
        assertEquals(2, noReplicas.exitCode(), "a usage error, as picocli reports one");
        assertTrue(noReplicas.err().contains("--replicas"), noReplicas.err());
        assertEquals(1, cluster.requests.size(), () -> "asked: " + cluster.requests);
    }
}
