package dev.herder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.bench.ApplyLoad.Call;
import dev.herder.protocol.manifest.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Bench pods through the Kubernetes HTTP API, with java.net.http over HTTP/1.1 (keep-alive connections, one per
 * request in flight): a create is a POST of the pod's JSON, answered 201 once etcd holds it.
 */
final class HttpPods {
    private static final String PODS = "/api/v1/namespaces/" + BenchObjects.NAMESPACE + "/pods";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int CREATED = 201;

    private final List<String> servers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** servers: the control-plane nodes' API URLs; caller c talks to server c mod their number. */
    HttpPods(List<String> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Call i on connection c creates the pod prefix-i on server c mod the servers; true when answered 201. */
    Call creates(String prefix) {
        return (connection, i) -> {
            try {
                return create(servers.get(connection % servers.size()), prefix + "-" + i) == CREATED;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** POSTs the bench pod named name to server; the answer's status code. */
    int create(String server, String name) throws IOException, InterruptedException {
        String body = Json.mapper().writeValueAsString(BenchObjects.pod(name));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + PODS)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The pods list's resourceVersion on the first server: where a watch that misses nothing after now starts. */
    String listVersion() throws IOException, InterruptedException {
        return list("?limit=1").path("metadata").path("resourceVersion").asText();
    }

    /** Waits (at most within, then goes on with a note) until every pod whose name starts with prefix is Running. */
    void awaitRunning(String prefix, Duration within) {
        try {
            BenchSupport.await("the pods " + prefix + "-* Running", within, BenchSupport.POLL, () -> {
                try {
                    for (JsonNode pod : list("?labelSelector=app%3Dbench").path("items")) {
                        if (pod.path("metadata").path("name").asText().startsWith(prefix)
                                && !"Running".equals(pod.path("status").path("phase").asText())) {
                            return false;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        } catch (IllegalStateException e) {
            System.out.println("going on: " + e.getMessage());
        }
    }

    private JsonNode list(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(servers.get(0) + PODS + query))
                .timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> rsp = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (rsp.statusCode() != 200) {
            throw new IOException("listing pods answered " + rsp.statusCode() + ": " + rsp.body());
        }
        return Json.mapper().readTree(rsp.body());
    }
}
