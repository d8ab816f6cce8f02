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
    void contactsComeFromTheEnvironmentElseTheLocalClusterWhenViaClusterClient() {
        FakeCluster cluster = cluster();

        CliRun.run(cluster, Map.of("HERDER_CONTACT", "h:9"), "", "get", "pods", "--via", "cluster-client");
        CliRun.run(cluster, Map.of(), "", "--via", "cluster-client", "get", "pods");

        assertEquals(List.of("h:9"), cluster.contactsUsed.get(0));
        assertEquals(List.of("127.0.0.1:2551", "127.0.0.1:2552", "127.0.0.1:2553"), cluster.contactsUsed.get(1));
        assertEquals(Duration.ofSeconds(10), cluster.timeoutsUsed.get(1));
    }

    @Test
    void serversComeFromTheOptionElseTheEnvironmentElseTheLocalCluster() {
        FakeCluster cluster = cluster();
        Map<String, String> noLocal = Map.of("HERDER_LOCAL_DIR", "target/no-local-cluster");

        CliRun.run(cluster, noLocal, "", "-s", "http://a:1,b:2", "get", "pods");
        CliRun.run(cluster, Map.of("HERDER_SERVER", "http://h:9", "HERDER_LOCAL_DIR", "x"), "", "get", "pods");
        CliRun.run(cluster, noLocal, "", "get", "pods");

        assertEquals(List.of(List.of("http://a:1", "http://b:2"), List.of("http://h:9"),
                List.of("http://127.0.0.1:6443", "http://127.0.0.1:6444", "http://127.0.0.1:6445")),
                cluster.contactsUsed);
    }

    @Test
    void aContactWithTheHttpRouteIsNamed() {
        Result result = CliRun.run(FakeCluster.untouchable(), Map.of(), "", "get", "pods", "--via", "http",
                "--contact", "a:1");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: --contact is for --via cluster-client; over HTTP name the API with --server"),
                result.errLines());
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
