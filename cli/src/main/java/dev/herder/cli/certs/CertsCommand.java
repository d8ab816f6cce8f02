package dev.herder.cli.certs;

import dev.herder.cli.HerderCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herder certs ...}: the cluster's certificates. */
@Command(name = "certs", mixinStandardHelpOptions = true, description = "Make the cluster's certificates.",
        subcommands = CertsInitCommand.class)
public final class CertsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(HerderCommand.of(spec).context().out());
        return 0;
    }
}
