package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code herder rollout resume rc NAME}: sets the controller's spec.paused to false. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Let a paused rollout go on.")
public final class RolloutResumeCommand extends ClientVerb {
    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, "resume");
        try (ApiClient client = connect()) {
            return RolloutPause.set(client, target, false, out(), err());
        }
    }
}
