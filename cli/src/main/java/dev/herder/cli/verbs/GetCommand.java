package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.options.OutputFormat;
import dev.herder.cli.printing.ObjectOutput;
import dev.herder.protocol.api.ApiObject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herder get KIND [NAME] [-l SELECTOR] [-n NS | -A] [-o wide|json|yaml|name]}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Display one or many objects.")
public final class GetCommand extends ClientVerb {
    @Parameters(index = "0", paramLabel = "KIND", description = "pods (po), replicationcontrollers (rc), services (svc), nodes (no).")
    private String kindWord;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One object's name; all when left out.")
    private String name;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web,tier!=db.")
    private String selector;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "wide, json, yaml or name.")
    private OutputFormat output;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        ObjectQuery query = ObjectQuery.of(kindWord, name, selector, namespaces);
        List<ApiObject> items;
        try (ApiClient client = connect()) {
            items = query.fetch(client);
        }
        boolean listsAsText = output == null || output == OutputFormat.WIDE || output == OutputFormat.NAME;
        if (items.isEmpty() && listsAsText) {
            err().println(query.noResourcesFound());
            return OK;
        }
        out().print(ObjectOutput.render(query.kind(), items, name != null, output, namespaces.allNamespaces(),
                context().clock().instant()));
        return OK;
    }
}
