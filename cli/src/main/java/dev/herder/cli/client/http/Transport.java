package dev.herder.cli.client.http;

import dev.herder.cli.client.HerderClientException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP exchanges with one of the API's servers: the one that answered last first, and when it does not answer
 * (nothing listens, the connection breaks) or answers 503, the next, and so on once round; when none answers, a
 * {@link HerderClientException} naming every server and what to do. A request tried again on another server may
 * have taken effect on the first: the CLI's writes are applies and deletes, which say so when tried twice.
 */
final class Transport {
    private static final Pattern WARNING = Pattern.compile("^\\d{3} \\S+ \"(.*)\"$");
    private static final String JSON = "application/json";
    private final List<String> servers;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicInteger current = new AtomicInteger();

    Transport(List<String> servers, Duration timeout, ExecutorService executor) {
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(executor).build();
    }

    HttpClient http() {
        return http;
    }

    Duration timeout() {
        return timeout;
    }

    /** method on target (a path with its query) with a JSON body (null: none), answered within the timeout. */
    Reply exchange(String method, String target, String body) {
        return tryEach(server -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + target)).timeout(timeout)
                    .header("Accept", JSON)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", JSON);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), warnings(response), server);
        }, reply -> reply.code() == Reply.UNAVAILABLE);
    }

    /** GET of a response that stays open (a watch, a followed log): its status and its body as it comes. */
    HttpResponse<InputStream> open(String target) {
        return tryEach(server -> http.send(HttpRequest.newBuilder(URI.create(server + target)).GET()
                .header("Accept", JSON).build(), HttpResponse.BodyHandlers.ofInputStream()), r -> false);
    }

    /** Runs call against each server in turn, from the one that answered last, until one answers and is not busy. */
    <T> T tryEach(Call<T> call, Function<T, Boolean> busy) {
        int first = current.get();
        List<String> failures = new ArrayList<>();
        T last = null;
        for (int i = 0; i < servers.size(); i++) {
            int index = Math.floorMod(first + i, servers.size());
            String server = servers.get(index);
            try {
                T answer = call.on(server);
                last = answer;
                if (!busy.apply(answer)) {
                    current.set(index);
                    return answer;
                }
            } catch (HttpConnectTimeoutException | ConnectException e) {
                failures.add(why(e));
            } catch (HttpTimeoutException e) {
                throw HerderClientException.noAnswer(timeout);
            } catch (IOException e) {
                failures.add(why(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HerderClientException.noAnswer(timeout);
            }
        }
        if (last != null) {
            return last;
        }
        throw HerderClientException.unreachableServers(servers, failures.get(failures.size() - 1));
    }

    private static String why(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the timeout";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<String> warnings(HttpResponse<?> response) {
        List<String> texts = new ArrayList<>();
        for (String header : response.headers().allValues("Warning")) {
            Matcher m = WARNING.matcher(header.strip());
            texts.add(m.matches() ? m.group(1) : header);
        }
        return texts;
    }

    /** One attempt on one server. */
    @FunctionalInterface
    interface Call<T> {
        T on(String server) throws IOException, InterruptedException;
    }
}
