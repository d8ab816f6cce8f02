package dev.herder.cli;

import dev.herder.cli.certs.CertsCommand;
import dev.herder.cli.options.ClientOptions;
import dev.herder.cli.server.AgentCommand;
import dev.herder.cli.server.ControlPlaneCommand;
import dev.herder.cli.verbs.ApplyCommand;
import dev.herder.cli.verbs.ClusterCommand;
import dev.herder.cli.verbs.DeleteCommand;
import dev.herder.cli.verbs.ScaleCommand;
import dev.herder.cli.verbs.RolloutCommand;
import dev.herder.cli.verbs.DescribeCommand;
import dev.herder.cli.verbs.ExecCommand;
import dev.herder.cli.verbs.GetCommand;
import dev.herder.cli.verbs.LogsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command tree; holds the context and the options every client verb shares. */
@Command(name = "herder", mixinStandardHelpOptions = true, version = "herder 0.1.0",
        description = "Herder: run and manage a container cluster.",
        subcommands = {ControlPlaneCommand.class, AgentCommand.class, ApplyCommand.class, GetCommand.class,
            DescribeCommand.class, DeleteCommand.class, ScaleCommand.class, RolloutCommand.class, LogsCommand.class, ExecCommand.class, ClusterCommand.class,
            CertsCommand.class})
public final class HerderCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private ClientOptions clientOptions;

    @Spec
    private CommandSpec spec;

    HerderCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    /** The one instance that holds --contact and --timeout, wherever on the command line they were given. */
    public ClientOptions clientOptions() {
        return clientOptions;
    }

    /** Reaches the root command, and with it the context, from any sub-command's spec. */
    public static HerderCommand of(CommandSpec anySpec) {
        return (HerderCommand) anySpec.root().userObject();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return 0;
    }
}
