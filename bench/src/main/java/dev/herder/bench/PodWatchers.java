package dev.herder.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Many concurrent watches of bench pods from one resourceVersion, each its own HTTP/1.1 connection (spread over a
 * few java.net.http clients, so that one client's selector thread does not read them all). For the pods named
 * prefix-0 ... prefix-(count-1) it keeps how many watchers saw each one's ADDED event, and when the first and the
 * last of them did (System.nanoTime on the line's arrival).
 */
final class PodWatchers implements AutoCloseable {
    private static final int CLIENTS = 8;
    private static final String ADDED = "{\"type\":\"ADDED\"";

    private final String prefix;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicIntegerArray seen;
    private final AtomicLongArray first;
    private final AtomicLongArray last;
    private final List<CompletableFuture<?>> watches = new ArrayList<>();

    PodWatchers(String server, String fromVersion, int watchers, String prefix, int count) {
        this.prefix = prefix + "-";
        this.seen = new AtomicIntegerArray(count);
        this.first = new AtomicLongArray(count);
        this.last = new AtomicLongArray(count);
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        URI uri = URI.create(server + "/api/v1/namespaces/" + BenchObjects.NAMESPACE
                + "/pods?watch=true&labelSelector=app%3Dbench&timeoutSeconds=1800&resourceVersion=" + fromVersion);
        for (int w = 0; w < watchers; w++) {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            watches.add(clients.get(w % CLIENTS).sendAsync(request,
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Lines())).whenComplete((rsp, e) -> ended.incrementAndGet()));
        }
    }

    /** Watches whose response has begun (the server took them). */
    int open() {
        return open.get();
    }

    /** Watches that ended (cut by the server, or failed) before close. */
    int ended() {
        return ended.get();
    }

    int seen(int pod) {
        return seen.get(pod);
    }

    long firstAt(int pod) {
        return first.get(pod);
    }

    long lastAt(int pod) {
        return last.get(pod);
    }

    private void added(String line, long at) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return;
        }
        String name = event.path("object").path("metadata").path("name").asText();
        if (!name.startsWith(prefix)) {
            return;
        }
        int pod = Integer.parseInt(name.substring(prefix.length()));
        if (pod >= seen.length()) {
            return;
        }
        first.compareAndSet(pod, 0, at);
        last.accumulateAndGet(pod, at, Math::max);
        seen.incrementAndGet(pod);
    }

    @Override
    public void close() {
        watches.forEach(w -> w.cancel(true));
    }

    /** One watch's lines, as they arrive. */
    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            open.incrementAndGet();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long at = System.nanoTime();
            if (line.startsWith(ADDED)) {
                added(line, at);
            }
        }

        @Override
        public void onError(Throwable error) {
            // counted as ended when the response completes
        }

        @Override
        public void onComplete() {
            // counted as ended when the response completes
        }
    }
}
