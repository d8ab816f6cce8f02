package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.describe.Describers;
import dev.herder.protocol.api.ApiObject;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herder describe KIND [NAME] [-l SELECTOR] [-n NS | -A]}. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show details of one or many objects.")
public final class DescribeCommand extends ClientVerb {
    @Mixin
    private ObjectSelection selection;

    @Override
    public Integer call() {
        ObjectQuery query = selection.query();
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
