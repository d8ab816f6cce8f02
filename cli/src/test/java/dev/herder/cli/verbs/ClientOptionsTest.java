package dev.herder.cli.verbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import dev.herder.cli.FakeCluster;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    private static FakeCluster cluster() {
        return new FakeCluster(r -> new ApiResponse.Objects("Pod", List.of()));
    }

    @Test
    void contactAndTimeoutCountBeforeAndAfterTheVerb() {
        FakeCluster cluster = cluster();

        CliRun.run(cluster, Map.of(), "", "--contact", "10.0.0.1:2551", "--timeout", "500ms", "get", "pods");
        CliRun.run(cluster, Map.of(), "", "get", "pods", "--contact", "a:1,b:2", "--timeout", "1m30s");
        CliRun.run(cluster, Map.of(), "", "cluster", "--contact", "c:3", "status");

        assertEquals(List.of(List.of("10.0.0.1:2551"), List.of("a:1", "b:2"), List.of("c:3")), cluster.contactsUsed);
        assertEquals(Duration.ofMillis(500), cluster.timeoutsUsed.get(0));
        assertEquals(Duration.ofSeconds(90), cluster.timeoutsUsed.get(1));
    }

    @Test
    void contactsComeFromTheEnvironmentElseTheLocalCluster() {
        FakeCluster cluster = cluster();

        CliRun.run(cluster, Map.of("HERDER_CONTACT", "h:9"), "", "get", "pods");
        CliRun.run(cluster, Map.of(), "", "get", "pods");

        assertEquals(List.of("h:9"), cluster.contactsUsed.get(0));
        assertEquals(List.of("127.0.0.1:2551", "127.0.0.1:2552", "127.0.0.1:2553"), cluster.contactsUsed.get(1));
        assertEquals(Duration.ofSeconds(10), cluster.timeoutsUsed.get(1));
    }

    @Test
    void aBadContactIsNamed() {
        Result result = CliRun.run(FakeCluster.untouchable(), Map.of(), "", "get", "pods", "--contact", "localhost");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: invalid contact point \"localhost\": expected host:port, e.g. 127.0.0.1:2551"),
                result.errLines());
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        Result result = CliRun.run(FakeCluster.untouchable(), Map.of(), "", "get", "pods", "--timeout", "soon");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("error: Invalid value for option '--timeout'"), result.err());
        assertEquals(1, result.errLines().size());
    }
}
