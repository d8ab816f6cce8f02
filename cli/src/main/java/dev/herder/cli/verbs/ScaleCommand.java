package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.printing.ObjectNames;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herder scale rc NAME --replicas N} (or {@code rc/NAME}): sets a replication controller's replicas. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Set the number of replicas of a replication controller.")
public final class ScaleCommand extends ClientVerb {
    @Parameters(arity = "1..2", paramLabel = "KIND NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Option(names = "--replicas", required = true, paramLabel = "N", description = "The number of replicas to keep.")
    private int replicas;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        String kindWord;
        String name;
        if (words.size() == 1) {
            String[] kindAndName = words.get(0).split("/", 2);
            if (kindAndName.length != 2 || kindAndName[1].isEmpty()) {
                throw new CliException("name what to scale: herder scale rc NAME --replicas N (or rc/NAME)");
            }
            kindWord = kindAndName[0];
            name = kindAndName[1];
        } else {
            kindWord = words.get(0);
            name = words.get(1);
        }
        if (replicas < 0) {
            throw new CliException("--replicas must be 0 or more, not " + replicas);
        }
        String kind = KindArgument.resolve(kindWord);
        try (ApiClient client = connect()) {
            ApiResponse response = client.call(new ApiRequest.Scale(kind, namespaces.namespace(), name, replicas));
            if (response instanceof ApiResponse.Failure failure) {
                err().println("error: " + Responses.message(failure.error()));
                return FAILED;
            }
            Responses.expect(response, ApiResponse.Applied.class);
            out().println(ObjectNames.singular(kind) + "/" + name + " scaled");
            return OK;
        }
    }
}
