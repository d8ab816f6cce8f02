package dev.herder.cli.verbs;

import dev.herder.cli.HerderCommand;
import dev.herder.cli.options.ClientOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herder cluster ...}: the cluster itself rather than its objects. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Inspect the cluster.",
        subcommands = ClusterStatusCommand.class)
public final class ClusterCommand implements Callable<Integer> {
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
