package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.manifests.ManifestInput;
import dev.herder.cli.manifests.NamespaceDefaults;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.printing.ObjectNames;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herder delete KIND NAME...}, {@code herder delete KIND/NAME...} or {@code herder delete -f FILE}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete objects by kind and name, or those a manifest names.")
public final class DeleteCommand extends ClientVerb {
    @Parameters(arity = "0..*", paramLabel = "KIND NAME", description = "A kind and one or more names, or KIND/NAME words.")
    private List<String> words = List.of();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-", description = "Delete the objects of these manifests; repeatable.")
    private List<String> sources = List.of();

    @Option(names = "--cascade", paramLabel = "background|orphan", defaultValue = ApiRequest.Delete.BACKGROUND,
            description = "What becomes of what the object owns (a replication controller's pods): background deletes"
                    + " it too (default), orphan leaves it running, unowned.")
    private String cascade;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        if (!List.of(ApiRequest.Delete.BACKGROUND, ApiRequest.Delete.ORPHAN).contains(cascade)) {
            throw new CliException("--cascade must be " + ApiRequest.Delete.BACKGROUND + " or " + ApiRequest.Delete.ORPHAN
                    + ", not \"" + cascade + "\"");
        }
        List<DeleteTarget> targets = targets();
        boolean allDeleted = true;
        try (ApiClient client = connect()) {
            for (DeleteTarget target : targets) {
                allDeleted &= delete(client, target);
            }
        }
        return allDeleted ? OK : FAILED;
    }

    private List<DeleteTarget> targets() {
        if (!sources.isEmpty() && !words.isEmpty()) {
            throw new CliException("give either -f FILE or KIND NAME, not both");
        }
        if (sources.isEmpty()) {
            return DeleteTarget.fromArguments(words, namespaces);
        }
        var objects = NamespaceDefaults.apply(ManifestInput.read(sources, context().in()).objects(), namespaces);
        if (objects.isEmpty()) {
            throw new CliException("no objects to delete in " + String.join(", ", sources));
        }
        return DeleteTarget.fromObjects(objects);
    }

    private boolean delete(ApiClient client, DeleteTarget target) {
        ApiResponse response = client.call(new ApiRequest.Delete(target.kind(), target.namespace(), target.name(),
                cascade));
        if (response instanceof ApiResponse.Failure failure) {
            err().println("error: " + Responses.message(failure.error()));
            return false;
        }
        Responses.expect(response, ApiResponse.Deleted.class);
        out().println(ObjectNames.singular(target.kind()) + " \"" + target.name() + "\" deleted");
        return true;
    }
}
