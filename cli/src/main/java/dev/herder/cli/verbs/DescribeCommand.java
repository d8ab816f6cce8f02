package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.describe.Describers;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ApiObject;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herder describe KIND [NAME] [-l SELECTOR] [-n NS | -A]}. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show details of one or many objects.")
public final class DescribeCommand extends ClientVerb {
    @Parameters(index = "0", paramLabel = "KIND", description = "pods (po), replicationcontrollers (rc), services (svc), nodes (no).")
    private String kindWord;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One object's name; all when left out.")
    private String name;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    private String selector;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        ObjectQuery query = ObjectQuery.of(kindWord, name, selector, namespaces);
        List<ApiObject> items;
        try (ApiClient client = connect()) {
            items = query.fetch(client);
        }
        if (items.isEmpty()) {
            err().println(query.noResourcesFound());
            return OK;
        }
        out().print(items.stream().map(Describers::describe).collect(Collectors.joining(System.lineSeparator())));
        return OK;
    }
}
