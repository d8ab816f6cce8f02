package dev.herder.cli.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a stand-in API server: the REST calls it makes and how it reads their answers. */
class HttpApiClientTest {
    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\","
            + "\"namespace\":\"default\",\"resourceVersion\":\"%s\"},\"spec\":{\"containers\":[{\"name\":\"main\","
            + "\"image\":\"a:1\"}]}}";
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private HttpServer server;

    private record Answer(int code, String body, String warning) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        calls.add(call);
        Answer answer = answers.getOrDefault(call, new Answer(404, status(404, "NotFound", "nothing at " + call), null));
        if (answer.warning() != null) {
            exchange.getResponseHeaders().add("Warning", "299 - \"" + answer.warning() + "\"");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.code(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String status(int code, String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message + "\",\"code\":" + code + "}";
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ApiObject pod() {
        return ManifestReader.read(String.format(POD, ""), "test").objects().get(0);
    }

    @Test
    void appliesByCreatingWhatIsNotThereAndLeavesOutTheBodysWarnings() throws IOException {
        answers.put("POST /api/v1/namespaces/default/pods", new Answer(201, String.format(POD, "7"),
                "the request body: Pod/web: spec.x: not acted on"));

        try (HttpApiClient client = HttpApiClient.connect(List.of(closedServer(), url()), Duration.ofSeconds(5))) {
            ApiResponse.Applied applied = (ApiResponse.Applied) client.call(new ApiRequest.Apply(List.of(pod())));

            ApiResponse.ApplyOutcome outcome = applied.outcomes().get(0);
            assertEquals("created", outcome.action());
            assertEquals(List.of(), outcome.warnings());
        }
        assertEquals(List.of("GET /api/v1/namespaces/default/pods/web", "POST /api/v1/namespaces/default/pods"), calls);
    }

    @Test
    void anApplyThatDeclaresNothingNewIsUnchangedAndAChangeIsConfigured() {
        answers.put("GET /api/v1/namespaces/default/pods/web", new Answer(200, String.format(POD, "7"), null));
        answers.put("PUT /api/v1/namespaces/default/pods/web", new Answer(200, String.format(POD, "7"), null));

        try (HttpApiClient client = HttpApiClient.connect(List.of(url()), Duration.ofSeconds(5))) {
            ApiResponse.Applied same = (ApiResponse.Applied) client.call(new ApiRequest.Apply(List.of(pod())));
            // the scheduler noted something on the pod between the read and the replace: a new revision, no change
            answers.put("PUT /api/v1/namespaces/default/pods/web", new Answer(200, String.format(POD, "8"), null));
            ApiResponse.Applied noted = (ApiResponse.Applied) client.call(new ApiRequest.Apply(List.of(pod())));
            answers.put("PUT /api/v1/namespaces/default/pods/web", new Answer(200, String.format(POD, "9")
                    .replace("a:1", "a:2"), null));
            ApiResponse.Applied changed = (ApiResponse.Applied) client.call(new ApiRequest.Apply(List.of(pod())));

            assertEquals("unchanged", same.outcomes().get(0).action());
            assertEquals("unchanged", noted.outcomes().get(0).action());
            assertEquals("configured", changed.outcomes().get(0).action());
        }
    }

    @Test
    void refusalsBecomeTheErrorsTheClusterClientRouteGives() {
        answers.put("GET /api/v1/namespaces/default/pods/gone", new Answer(404, status(404, "NotFound",
                "pods \\\"gone\\\" not found"), null));
        answers.put("DELETE /api/v1/namespaces/default/pods/web", new Answer(409, status(409, "Conflict",
                "the object has been modified"), null));
        answers.put("GET /api/v1/pods?labelSelector=app%3Dweb&limit=2", new Answer(502, "<html>bad gateway</html>",
                null));

        try (HttpApiClient client = HttpApiClient.connect(List.of(url()), Duration.ofSeconds(5))) {
            ApiError notFound = ((ApiResponse.Failure) client.call(new ApiRequest.Get("Pod", "default", "gone",
                    null))).error();
            ApiError conflict = ((ApiResponse.Failure) client.call(new ApiRequest.Delete("Pod", null, "web")))
                    .error();
            ApiError other = ((ApiResponse.Failure) client.call(new ApiRequest.Get("Pod", null, null, "app=web",
                    null, 2, null))).error();

            assertEquals(new ApiError(ApiError.Code.NOT_FOUND, "pods \"gone\" not found"), notFound);
            assertEquals(new ApiError(ApiError.Code.CONFLICT, "the object has been modified"), conflict);
            assertEquals(new ApiError(ApiError.Code.INTERNAL, "the server at " + url()
                    + " answered HTTP 502: <html>bad gateway</html>"), other);
        }
    }

    @Test
    void aListPageCarriesItsRevisionAndContinueToken() {
        answers.put("GET /api/v1/namespaces/default/pods?limit=1", new Answer(200, "{\"kind\":\"PodList\","
                + "\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"next\"},\"items\":["
                + String.format(POD, "7") + "]}", null));

        try (HttpApiClient client = HttpApiClient.connect(List.of(url()), Duration.ofSeconds(5))) {
            ApiResponse.Objects page = assertInstanceOf(ApiResponse.Objects.class, client.call(new ApiRequest.Get(
                    "Pod", "default", null, null, null, 1, null)));

            assertEquals("9", page.resourceVersion());
            assertEquals("next", page.continueToken());
            assertEquals("web", page.items().get(0).metadata().name());
        }
    }

    private static String closedServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
