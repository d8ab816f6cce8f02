package dev.herder.cli.client;

import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.pattern.Patterns;

/**
 * A client for programs that write continuously (benchmarks, failover tests, later the HTTP layer's callers): it
 * sends each request straight to one control-plane node's ApiGateway (every node answers every request, as the
 * API is stateless), and when that node does not answer within the attempt timeout, or answers UNAVAILABLE, it
 * sends the request to the next node, and stays there. So a kill -9 of the node it talks to costs one request one
 * attempt timeout, where a {@link HerderClient}'s ClusterClient first has to notice the node is gone (about 2 s).
 * An apply answered with an outcome UNAVAILABLE (its write not made, or not confirmed by the store) is sent to the
 * next node too. A request tried again may have taken effect the first time: applies are idempotent (the second
 * is "unchanged"), which is what this client is for. Each request goes as an {@link ApiRequest.Within} of the
 * attempt timeout, so that a first try still under way on a slow node cannot overwrite, after the client has moved
 * on, what the retry and the client's later requests wrote.
 */
public final class FailoverClient implements ApiClient {
    private final ActorSystem system;
    private final List<String> contacts;
    private final List<String> gateways;
    private final Duration attemptTimeout;
    private final Duration timeout;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FailoverClient(ActorSystem system, List<String> contacts, Duration attemptTimeout, Duration timeout) {
        this.system = system;
        this.contacts = List.copyOf(contacts);
        this.gateways = contacts.stream().map(c -> "pekko://" + HerderClient.CLUSTER_SYSTEM_NAME + "@" + c
                + HerderClient.GATEWAY_PATH).toList();
        this.attemptTimeout = attemptTimeout;
        this.timeout = timeout;
    }

    /** A client of the cluster named "herder" at these {@code host:port} contact points. */
    public static FailoverClient connect(List<String> contacts, Duration attemptTimeout, Duration timeout) {
        return new FailoverClient(ActorSystem.create("herder-failover-client", HerderClient.clientConfig()), contacts,
                attemptTimeout, timeout);
    }

    /** The host:port this client sends its next request to first: the node that answered last (at first, the first). */
    public String currentContact() {
        return contacts.get(Math.floorMod(current.get(), contacts.size()));
    }

    @Override
    public CompletionStage<ApiResponse> send(ApiRequest request) {
        CompletableFuture<ApiResponse> answer = new CompletableFuture<>();
        attempt(request, current.get(), 0, System.nanoTime() + timeout.toNanos(), answer);
        return answer;
    }

    private void attempt(ApiRequest request, int gateway, int tried, long deadline, CompletableFuture<ApiResponse> answer) {
        int index = Math.floorMod(gateway, gateways.size());
        ApiRequest within = new ApiRequest.Within(request, attemptTimeout.toMillis());
        Patterns.ask(system.actorSelection(gateways.get(index)), within, attemptTimeout).whenComplete((reply, failure) -> {
            boolean unavailable = reply instanceof ApiResponse.Failure f && f.error().code() == ApiError.Code.UNAVAILABLE
                    || reply instanceof ApiResponse.Applied applied && applied.outcomes().stream()
                            .anyMatch(o -> o.error() != null && o.error().code() == ApiError.Code.UNAVAILABLE);
            if (failure == null && reply instanceof ApiResponse response && !unavailable) {
                current.set(index);
                answer.complete(response);
            } else if (System.nanoTime() < deadline && !closed.get()) {
                // that node is gone, or cannot serve now: the next one, at once the first time round, then less often
                // (but at once after a node that let the whole attempt time pass: the wait has been had)
                int next = index + 1;
                boolean timedOut = failure instanceof AskTimeoutException
                        || failure instanceof CompletionException && failure.getCause() instanceof AskTimeoutException;
                long pause = tried + 1 < gateways.size() || timedOut ? 0 : attemptTimeout.toMillis();
                CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(request, next, tried + 1, deadline, answer));
            } else if (reply instanceof ApiResponse response) {
                answer.complete(response);
            } else {
                answer.completeExceptionally(HerderClientException.noAnswer(timeout));
            }
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            system.terminate();
        }
    }
}
