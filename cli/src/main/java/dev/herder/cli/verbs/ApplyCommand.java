package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.manifests.LocalValidation;
import dev.herder.cli.manifests.ManifestInput;
import dev.herder.cli.manifests.NamespaceDefaults;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.printing.ObjectNames;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.ManifestException;
import dev.herder.protocol.manifest.ReadResult;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code herder apply -f FILE|DIR|-}: reads and checks every manifest first, then sends them all in one request
 * and reports each object's fate (created, configured, unchanged, or why it was refused).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update objects from manifests (YAML or JSON).")
public final class ApplyCommand extends ClientVerb {
    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR|-",
            description = "A manifest file, a directory of them, or - for standard input; repeatable.")
    private List<String> sources;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        List<ApiObject> objects = NamespaceDefaults.apply(read(), namespaces);
        if (objects.isEmpty()) {
            throw new CliException("no objects passed to apply");
        }
        LocalValidation.check(objects);
        ApiResponse.Applied applied;
        try (ApiClient client = connect()) {
            applied = Responses.expect(client.call(new ApiRequest.Apply(objects)), ApiResponse.Applied.class);
        }
        boolean allApplied = true;
        for (ApiResponse.ApplyOutcome outcome : applied.outcomes()) {
            allApplied &= report(outcome);
        }
        return allApplied ? OK : FAILED;
    }

    private List<ApiObject> read() {
        try {
            ReadResult result = ManifestInput.read(sources, context().in());
            warn(result.warnings());
            return result.objects();
        } catch (ManifestException e) {
            warn(e.warnings());
            throw e;
        }
    }

    private boolean report(ApiResponse.ApplyOutcome outcome) {
        warn(outcome.warnings());
        String name = ObjectNames.of(outcome.kind(), outcome.name());
        if (outcome.error() != null) {
            err().println("error: " + name + ": " + Responses.message(outcome.error()));
            return false;
        }
        out().println(name + " " + outcome.action());
        return true;
    }

    private void warn(List<String> warnings) {
        if (warnings != null) {
            warnings.forEach(w -> err().println("Warning: " + w));
        }
    }
}
