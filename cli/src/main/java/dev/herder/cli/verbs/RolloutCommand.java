package dev.herder.cli.verbs;

import dev.herder.cli.HerderCommand;
import dev.herder.cli.options.ClientOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herder rollout ...}: a replication controller's rolling update. */
@Command(name = "rollout", mixinStandardHelpOptions = true, description = "Watch, pause, resume or undo a rolling update, or list its history.",
        subcommands = {RolloutStatusCommand.class, RolloutPauseCommand.class, RolloutResumeCommand.class,
            RolloutUndoCommand.class, RolloutHistoryCommand.class})
public final class RolloutCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClientOptions clientOptions;

    @Override
    public Integer call() {
        spec.commandLine().usage(HerderCommand.of(spec).context().out());
        return 0;
    }
}
