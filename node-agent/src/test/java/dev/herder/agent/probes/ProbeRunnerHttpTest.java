package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.HTTPGetAction;
import dev.herder.protocol.api.HTTPHeader;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Probe;
import dev.herder.protocol.api.TCPSocketAction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** httpGet and tcpSocket probes against a real server on 127.0.0.1, and against a port nothing listens on. */
class ProbeRunnerHttpTest {
    static final String LOOPBACK = "127.0.0.1";
    private static final long SLOW_MILLIS = 5_000;
    /** The hard deadline may be late by this much, for thread scheduling. */
    private static final long DEADLINE_SLACK_MILLIS = 1_500;

    private static HttpServer server;
    private static int port;
    private static int closedPort;
    private static ProbeRunner runner;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/healthz", exchange -> answer(exchange, 200, "ok"));
        server.createContext("/bad", exchange -> answer(exchange, 500, "broken"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            answer(exchange, 302, "");
        });
        server.createContext("/header", exchange -> answer(exchange,
                "yes".equals(exchange.getRequestHeaders().getFirst("X-Probe")) ? 200 : 403, ""));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            closedPort = free.getLocalPort();
        }
        runner = new ProbeRunner(null);
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        runner.close();
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes();
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Container container(String name, List<ContainerPort> ports) {
        return new Container(name, "local/busybox:1", null, null, null, null, ports, null, null, null, null, null,
                null, null, null);
    }

    static Probe httpGet(String path, IntOrString port, List<HTTPHeader> headers, Integer timeoutSeconds) {
        return new Probe(null, new HTTPGetAction(path, port, null, null, headers), null, null, null, timeoutSeconds,
                null, null, null);
    }

    static Probe tcp(IntOrString port) {
        return new Probe(null, null, new TCPSocketAction(port, null), null, null, null, null, null, null);
    }

    private ProbeResult run(Probe probe) {
        return runner.run(probe, container("web", List.of(new ContainerPort("http", port, null, null, "TCP"))), "-",
                LOOPBACK);
    }

    @Test
    void httpGetPassesOnOkAndOnRedirect() {
        ProbeResult ok = run(httpGet("/healthz", IntOrString.of(port), null, null));
        assertTrue(ok.success(), ok.message());
        ProbeResult moved = run(httpGet("/moved", IntOrString.of(port), null, null));
        assertTrue(moved.success(), moved.message());
    }

    @Test
    void httpGetReachesANamedPortOnThePodsAddress() {
        ProbeResult result = run(httpGet("healthz", IntOrString.of("http"), null, null));
        assertTrue(result.success(), result.message());
        assertTrue(result.message().contains("http://127.0.0.1:" + port + "/healthz"), result.message());
    }

    @Test
    void httpGetFailsOnAServerErrorSayingTheStatus() {
        ProbeResult result = run(httpGet("/bad", IntOrString.of(port), null, null));
        assertFalse(result.success());
        assertEquals("Get \"http://127.0.0.1:" + port + "/bad\": HTTP probe failed with statuscode: 500",
                result.message());
    }

    @Test
    void httpGetSendsTheProbesHeaders() {
        assertFalse(run(httpGet("/header", IntOrString.of(port), null, null)).success());
        ProbeResult result = run(httpGet("/header", IntOrString.of(port), List.of(new HTTPHeader("X-Probe", "yes")),
                null));
        assertTrue(result.success(), result.message());
    }

    @Test
    void httpGetToAClosedPortFailsNamingTheUrlAndTheRefusal() {
        ProbeResult result = run(httpGet("/healthz", IntOrString.of(closedPort), null, null));
        assertFalse(result.success());
        assertTrue(result.message().startsWith("Get \"http://127.0.0.1:" + closedPort + "/healthz\": "),
                result.message());
        assertTrue(result.message().contains("connection refused"), result.message());
    }

    @Test
    void httpGetGivesUpAtTheTimeout() {
        long start = System.nanoTime();
        ProbeResult result = run(httpGet("/slow", IntOrString.of(port), null, 1));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(result.success());
        assertTrue(result.message().contains("/slow\": timed out"), result.message());
        assertTrue(tookMillis < 1_000 + DEADLINE_SLACK_MILLIS, "took " + tookMillis + " ms");
    }

    @Test
    void anUnknownPortNameFailsNamingIt() {
        ProbeResult result = run(httpGet("/healthz", IntOrString.of("metrics"), null, null));
        assertFalse(result.success());
        assertTrue(result.message().contains("\"metrics\""), result.message());
        ProbeResult tcp = run(tcp(IntOrString.of("metrics")));
        assertFalse(tcp.success());
        assertTrue(tcp.message().contains("\"metrics\""), tcp.message());
    }

    @Test
    void tcpSocketPassesWhenSomethingListens() {
        ProbeResult result = run(tcp(IntOrString.of("http")));
        assertTrue(result.success(), result.message());
    }

    @Test
    void tcpSocketToAClosedPortFailsWithTheRefusal() {
        ProbeResult result = run(tcp(IntOrString.of(closedPort)));
        assertFalse(result.success());
        assertEquals("dial tcp 127.0.0.1:" + closedPort + ": connect: connection refused", result.message());
    }
}
