package dev.herder.cli.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.cli.CliException;
import dev.herder.cli.client.WatchEvent;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Responses held open: a watch (watch=true on a list: one JSON event a line; when the server ends it, it is opened
 * again from the last revision seen, as kubectl does) and a followed log (follow=true). Each ends when stopAt passes.
 */
final class RestStreams {
    private static final int CHUNK_CHARS = 8192;
    private final Transport transport;
    private final Executor executor;

    RestStreams(Transport transport, Executor executor) {
        this.transport = transport;
        this.executor = executor;
    }

    void watch(ApiRequest.Get list, String resourceVersion, Consumer<WatchEvent> onEvent, Instant stopAt) {
        String from = resourceVersion;
        AtomicBoolean stopped = new AtomicBoolean();
        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
            String target = RestPaths.list(list.kind(), list.namespace()) + RestPaths.query("watch", "true",
                    "labelSelector", list.labelSelector(), "fieldSelector", list.fieldSelector(),
                    "resourceVersion", from);
            InputStream body = opened(target);
            closeAt(body, stopAt, stopped);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    from = event(line, list.kind(), onEvent, from);
                }
            } catch (IOException e) {
                if (!stopped.get()) {
                    throw new CliException("the watch of " + list.kind() + " broke off: " + e.getMessage());
                }
            }
        }
    }

    /** Hands the line's event on; the revision to watch on from. */
    private static String event(String line, String kind, Consumer<WatchEvent> onEvent, String from) {
        if (line.isBlank()) {
            return from;
        }
        JsonNode event = Bodies.read(line, JsonNode.class);
        String type = event.path("type").asText();
        JsonNode object = event.path("object");
        if ("ERROR".equals(type)) {
            throw new CliException("the watch of " + kind + " ended: " + object.path("message").asText(type));
        }
        String version = object.path("metadata").path("resourceVersion").asText(from);
        if (!"BOOKMARK".equals(type)) {
            ApiObject changed = Bodies.object(object.toString());
            onEvent.accept(new WatchEvent(type, changed));
        }
        return version;
    }

    void followLogs(ApiRequest.Logs logs, Consumer<String> onText, Instant stopAt) {
        InputStream body = opened(RestReads.logPath(logs, true));
        AtomicBoolean stopped = new AtomicBoolean();
        closeAt(body, stopAt, stopped);
        try (Reader text = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            char[] chunk = new char[CHUNK_CHARS];
            int read;
            while ((read = text.read(chunk)) >= 0) {
                onText.accept(new String(chunk, 0, read));
            }
        } catch (IOException e) {
            if (!stopped.get()) {
                throw new CliException("following the log of pod " + logs.pod() + " broke off: " + e.getMessage());
            }
        }
    }

    /** The open body of a GET, or the server's refusal as an error. */
    private InputStream opened(String target) {
        HttpResponse<InputStream> response = transport.open(target);
        if (response.statusCode() == Reply.OK) {
            return response.body();
        }
        String refusal;
        try (InputStream body = response.body()) {
            refusal = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            refusal = "";
        }
        throw new CliException(StatusErrors.of(new Reply(response.statusCode(), refusal, List.of(),
                response.uri().toString())).message());
    }

    private void closeAt(InputStream body, Instant stopAt, AtomicBoolean stopped) {
        if (stopAt == null) {
            return;
        }
        long millis = Math.max(0, Duration.between(Instant.now(), stopAt).toMillis());
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, executor).execute(() -> {
            stopped.set(true);
            try {
                body.close();
            } catch (IOException e) {
                // closing is how the reader is told to stop; nothing more to do
            }
        });
    }
}
