package dev.herder.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import dev.herder.cli.FakeCluster;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStatusCommandTest {
    private static final FakeCluster CLUSTER = new FakeCluster(r -> new ApiResponse.Cluster(List.of(
            new ApiResponse.Member("127.0.0.1:2551", List.of("control-plane"), "Up", true)), "127.0.0.1:2551"));

    @Test
    void printsMembersAndLeader() {
        Result result = CliRun.run(CLUSTER, Map.of(), "", "cluster", "status");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("ADDRESS"), result.out());
        assertTrue(result.out().contains("127.0.0.1:2551 (leader)   control-plane   Up"), result.out());
        assertTrue(result.out().endsWith("Leader (Master singleton): 127.0.0.1:2551\n"), result.out());
    }

    @Test
    void printsJson() {
        Result result = CliRun.run(CLUSTER, Map.of(), "", "cluster", "status", "-o", "json");

        assertEquals("{\"leader\":\"127.0.0.1:2551\",\"members\":[{\"address\":\"127.0.0.1:2551\","
                + "\"roles\":[\"control-plane\"],\"status\":\"Up\",\"reachable\":true}]}\n", result.out());
    }
}
