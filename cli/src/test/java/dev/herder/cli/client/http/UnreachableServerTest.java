package dev.herder.cli.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No cluster: a server nobody listens on is named in one line saying what to do. */
class UnreachableServerTest {

    @Test
    void anUnreachableServerIsNamedWithWhatToDo() throws IOException {
        String server = "http://127.0.0.1:" + freePort();

        CliRun.Result result = CliRun.run(null, Map.of(), "", "get", "pods", "--server", server, "--timeout", "2s");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: cannot reach the Herder API at " + server + " (connection refused): is the"
                + " cluster running? start the local cluster with ./herder local up, or name the API with --server,"
                + " --kubeconfig, $HERDER_SERVER or $HERDER_KUBECONFIG"), result.errLines());
    }

    @Test
    void everyServerIsTriedAndNamed() throws IOException {
        String one = "http://127.0.0.1:" + freePort();
        String two = "http://127.0.0.1:" + freePort();

        CliRun.Result result = CliRun.run(null, Map.of(), "", "cluster", "status", "-s", one + "," + two);

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: cannot reach the Herder API at " + one + ", " + two
                + " (connection refused)"), result.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
