package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.Streams;
import dev.herder.cli.options.DurationConverter;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.LogOptions;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herder logs POD [-c CONTAINER] [--tail N] [-f] [-p] [--timestamps] [--since DURATION]}: a container's
 * output (of its current instance, or with -p of the one before), read by its node's agent.
 *
 * <p>Over the HTTP API, following (-f) is one open response (pods/log with follow=true) printed as it comes. Through
 * --via cluster-client, following polls: after the first answer the command asks again every {@value #POLL_MILLIS} ms for
 * only what the container printed after the offset it was last given, and prints that, until the container
 * ends, the command is interrupted (Ctrl-C), or the hidden --follow-for time is up. Polling needs no stream
 * across the cluster and survives a lost answer: the next poll asks from the same offset again.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the output of a pod's container.")
public final class LogsCommand extends ClientVerb {
    static final long POLL_MILLIS = 500;

    @Parameters(index = "0", paramLabel = "POD", description = "The pod's name.")
    private String pod;

    @Option(names = {"-c", "--container"}, paramLabel = "CONTAINER",
            description = "The container (default: the pod's only container).")
    private String container;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines.")
    private Integer tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the container prints.")
    private boolean follow;

    @Option(names = {"-p", "--previous"}, description = "The container's previous instance: the one that ended last.")
    private boolean previous;

    @Option(names = "--timestamps", description = "Put the time each line was written before it.")
    private boolean timestamps;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Only what was written in the last DURATION (e.g. 10s, 5m, 1h).")
    private Duration since;

    @Option(names = "--follow-for", hidden = true, converter = DurationConverter.class,
            description = "Stop following after this long (for tests).")
    private Duration followFor;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The pod's namespace (default: " + Kinds.DEFAULT_NAMESPACE + ").")
    private String namespace;

    @Override
    public Integer call() {
        if (tail != null && tail < 0) {
            throw new CliException("--tail must be 0 or more, not " + tail);
        }
        Instant now = Instant.now();
        Instant stopAt = followFor == null ? null : now.plus(followFor);
        // since is fixed once, so that every poll of a followed log reads the same output
        LogOptions options = new LogOptions(previous, timestamps,
                since == null ? null : now.minus(since).getEpochSecond());
        try (ApiClient client = connect()) {
            if (follow && client instanceof Streams streams) {
                streams.followLogs(new ApiRequest.Logs(namespace, pod, container, tail, true, null, options),
                        this::print, stopAt);
                return OK;
            }
            ApiResponse.LogChunk chunk = ask(client, null, options);
            print(chunk);
            while (follow && !chunk.done() && (stopAt == null || Instant.now().isBefore(stopAt))) {
                if (!chunk.truncated() && !pause()) {
                    break;
                }
                chunk = ask(client, chunk.nextOffset(), options);
                print(chunk);
            }
        }
        return OK;
    }

    private ApiResponse.LogChunk ask(ApiClient client, Long fromOffset, LogOptions options) {
        ApiRequest.Logs request = new ApiRequest.Logs(namespace, pod, container, tail, follow, fromOffset, options);
        return Responses.expect(client.call(request), ApiResponse.LogChunk.class);
    }

    private void print(ApiResponse.LogChunk chunk) {
        print(chunk.text());
    }

    private void print(String text) {
        if (text != null && !text.isEmpty()) {
            out().print(text);
            out().flush();
        }
    }

    /** Waits between polls; false when interrupted, which ends following. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
