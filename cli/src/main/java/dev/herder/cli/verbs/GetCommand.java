package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.OutputFormat;
import dev.herder.cli.printing.ObjectOutput;
import dev.herder.protocol.api.ApiObject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herder get KIND [NAME] [-l SELECTOR] [--chunk-size N] [-n NS | -A] [-o wide|json|yaml|name]}: a list is
 * read in pages and printed as one table or one List.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Display one or many objects.")
public final class GetCommand extends ClientVerb {
    @Mixin
    private ObjectSelection selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "wide, json, yaml or name.")
    private OutputFormat output;

    @Override
    public Integer call() {
        ObjectQuery query = selection.query();
        List<ApiObject> items;
        try (ApiClient client = connect()) {
            items = query.fetch(client);
        }
        boolean listsAsText = output == null || output == OutputFormat.WIDE || output == OutputFormat.NAME;
        if (items.isEmpty() && listsAsText) {
            err().println(query.noResourcesFound());
            return OK;
        }
        out().print(ObjectOutput.render(query.kind(), items, selection.named(), output, selection.allNamespaces(),
                context().clock().instant()));
        return OK;
    }
}
