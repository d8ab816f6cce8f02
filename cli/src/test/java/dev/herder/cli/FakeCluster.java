package dev.herder.cli;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.ClientFactory;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Stands in for the cluster: answers each request with a function and remembers what was asked and how. */
public final class FakeCluster implements ClientFactory {
    public final List<ApiRequest> requests = new ArrayList<>();
    public final List<List<String>> contactsUsed = new ArrayList<>();
    public final List<Duration> timeoutsUsed = new ArrayList<>();
    private final Function<ApiRequest, ApiResponse> answers;
    private int openClients;

    public FakeCluster(Function<ApiRequest, ApiResponse> answers) {
        this.answers = answers;
    }

    /** A cluster that must not be contacted. */
    public static FakeCluster untouchable() {
        return new FakeCluster(r -> {
            throw new AssertionError("the cluster was contacted: " + r);
        });
    }

    public boolean contacted() {
        return !contactsUsed.isEmpty();
    }

    public int openClients() {
        return openClients;
    }

    @Override
    public ApiClient connect(List<String> contacts, Duration timeout) {
        contactsUsed.add(contacts);
        timeoutsUsed.add(timeout);
        openClients++;
        return new ApiClient() {
            @Override
            public CompletionStage<ApiResponse> send(ApiRequest request) {
                return CompletableFuture.completedFuture(call(request));
            }

            @Override
            public ApiResponse call(ApiRequest request) {
                requests.add(request);
                return answers.apply(request);
            }

            @Override
            public void close() {
                openClients--;
            }
        };
    }
}
