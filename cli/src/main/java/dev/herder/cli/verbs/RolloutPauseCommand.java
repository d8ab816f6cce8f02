package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code herder rollout pause rc NAME}: sets the controller's spec.paused to true. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Hold a rollout where it is: no new step until it is resumed.")
public final class RolloutPauseCommand extends ClientVerb {
    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, "pause");
        try (ApiClient client = connect()) {
            return RolloutPause.set(client, target, true, out(), err());
        }
    }
}
