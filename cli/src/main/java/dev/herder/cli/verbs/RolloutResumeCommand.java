package dev.herder.cli.verbs;

import picocli.CommandLine.Command;

/** {@code herder rollout resume rc NAME}: sets the controller's spec.paused to false. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Let a paused rollout go on.")
public final class RolloutResumeCommand extends RolloutPausing {
    public RolloutResumeCommand() {
        super("resume", false);
    }
}
