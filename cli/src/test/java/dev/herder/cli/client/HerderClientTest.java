package dev.herder.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import dev.herder.cli.CliRun.Result;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real client against a port where nothing listens, a bare Pekko system, and a one-node stand-in cluster. */
class HerderClientTest {
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final ApiResponse.Cluster ANSWER = new ApiResponse.Cluster(
            List.of(new ApiResponse.Member("127.0.0.1:1", List.of("control-plane"), "Up", true)), "127.0.0.1:1");

    private static StandInCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = StandInCluster.start(ANSWER);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableClusterIsOneLineNamingTheContactsAndExitCodeOne() throws IOException {
        String contact = "127.0.0.1:" + freePort();

        long started = System.nanoTime();
        Result result = CliRun.run("get", "pods", "--contact", contact, "--timeout", "2s");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(List.of("error: cannot reach the Herder cluster at " + contact
                + " within 2s: is it running? (set --contact or HERDER_CONTACT)"), result.errLines());
        assertTrue(tookMillis < SHORT.toMillis() + 3_000, "gave up in time and closed quickly: " + tookMillis + " ms");
    }

    @Test
    void aReachedButSilentClusterIsNoAnswerEvenWhenItCameUpAfterTheClient() throws IOException {
        int port = freePort();
        try (HerderClient client = HerderClient.connect(List.of("127.0.0.1:" + port), SHORT);
             SilentNode silent = SilentNode.start(port)) {
            HerderClientException e = assertThrows(HerderClientException.class,
                    () -> client.call(new ApiRequest.ClusterStatus()));

            assertEquals(HerderClientException.Reason.NO_ANSWER, e.reason());
            assertEquals("no answer from the cluster within 2s", e.getMessage());
        }
    }

    @Test
    void requestsReachTheGatewayAndAnswersComeBack() {
        try (HerderClient client = HerderClient.connect(List.of(cluster.contact()), Duration.ofSeconds(10))) {
            assertEquals(ANSWER, client.call(new ApiRequest.ClusterStatus()));
        }
    }

    @Test
    void aClientRunPrintsOnlyItsResult() {
        Result result = CliRun.run("cluster", "status", "--contact", cluster.contact());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().startsWith("ADDRESS"), result.out());
    }
}
