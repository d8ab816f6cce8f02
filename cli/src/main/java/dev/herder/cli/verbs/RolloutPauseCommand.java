package dev.herder.cli.verbs;

import picocli.CommandLine.Command;

/** {@code herder rollout pause rc NAME}: sets the controller's spec.paused to true. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Hold a rollout where it is: no new step until it is resumed.")
public final class RolloutPauseCommand extends RolloutPausing {
    public RolloutPauseCommand() {
        super("pause", true);
    }
}
