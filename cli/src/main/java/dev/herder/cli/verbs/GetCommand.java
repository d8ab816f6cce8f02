package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.Streams;
import dev.herder.cli.client.WatchEvent;
import dev.herder.cli.options.ClientOptions;
import dev.herder.cli.options.DurationConverter;
import dev.herder.cli.options.OutputFormat;
import dev.herder.cli.printing.ObjectOutput;
import dev.herder.cli.printing.WatchOutput;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herder get KIND [NAME] [-l SELECTOR] [--chunk-size N] [-n NS | -A] [-o wide|json|yaml|name] [-w]}: a list
 * is read in pages and printed as one table or one List; with -w, each change after it is printed as it happens
 * (a table row without the header, or the object), as kubectl get -w does, until interrupted.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Display one or many objects.")
public final class GetCommand extends ClientVerb {
    @Mixin
    private ObjectSelection selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "wide, json, yaml or name.")
    private OutputFormat output;

    @Option(names = {"-w", "--watch"}, description = "After listing, print each change as it happens (HTTP API only).")
    private boolean watch;

    @Option(names = "--watch-for", hidden = true, converter = DurationConverter.class,
            description = "Stop watching after this long (for tests).")
    private Duration watchFor;

    @Override
    public Integer call() {
        ObjectQuery query = selection.query();
        try (ApiClient client = connect()) {
            ApiResponse.Objects found = query.read(client);
            print(query, found.items());
            if (watch) {
                watch(client, query, found.resourceVersion());
            }
        }
        return OK;
    }

    private void print(ObjectQuery query, List<ApiObject> items) {
        boolean listsAsText = output == null || output == OutputFormat.WIDE || output == OutputFormat.NAME;
        if (items.isEmpty() && listsAsText) {
            err().println(query.noResourcesFound());
            return;
        }
        out().print(ObjectOutput.render(query.kind(), items, selection.named(), output, selection.allNamespaces(),
                context().clock().instant()));
        out().flush();
    }

    private void watch(ApiClient client, ObjectQuery query, String resourceVersion) {
        if (!(client instanceof Streams streams)) {
            throw new CliException("get -w needs the HTTP API: watches are not served through --via "
                    + ClientOptions.VIA_CLUSTER_CLIENT);
        }
        Instant stopAt = watchFor == null ? null : Instant.now().plus(watchFor);
        streams.watch(query.watched(), resourceVersion, event -> printChange(query, event), stopAt);
    }

    private void printChange(ObjectQuery query, WatchEvent event) {
        out().print(WatchOutput.change(query.kind(), event.object(), output, selection.allNamespaces(),
                context().clock().instant()));
        out().flush();
    }
}
