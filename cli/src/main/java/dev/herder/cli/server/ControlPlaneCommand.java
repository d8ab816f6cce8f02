package dev.herder.cli.server;

import com.typesafe.config.Config;
import dev.herder.cli.HerderCommand;
import dev.herder.controlplane.ControlPlaneNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herder control-plane --config FILE}: runs one control-plane node until it stops. */
@Command(name = "control-plane", mixinStandardHelpOptions = true,
        description = "Run a control-plane node (API gateway, state store, master standby) until it stops.")
public final class ControlPlaneCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The node's config file, e.g. config/control-plane-1.conf.")
    private Path configFile;

    @Override
    public Integer call() {
        Config config = ServerConfig.load(configFile);
        ActorSystem<Void> system = ControlPlaneNode.start(config);
        HerderCommand.of(spec).context().out().println("control-plane node up at " + ServerConfig.address(config)
                + ", data in " + ServerConfig.dataDirectory(config));
        return ServerConfig.awaitTermination(system);
    }
}
