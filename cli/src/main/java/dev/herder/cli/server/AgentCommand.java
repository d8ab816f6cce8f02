package dev.herder.cli.server;

import com.typesafe.config.Config;
import dev.herder.agent.AgentProcess;
import dev.herder.cli.CliException;
import dev.herder.cli.HerderCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herder agent --config FILE [--simulated] [--nodes N]}: runs a node agent process until it stops. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a node agent (the kubelet of one machine, or many simulated nodes) until it stops.")
public final class AgentCommand implements Callable<Integer> {
    private static final int ONE_NODE = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The agent's config file, e.g. config/agent-1.conf.")
    private Path configFile;

    @Option(names = "--simulated", description = "Run pods on the simulated runtime instead of Docker (hollow nodes).")
    private boolean simulated;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "How many nodes this process hosts (simulated only; default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Override
    public Integer call() {
        if (nodes < ONE_NODE) {
            throw new CliException("--nodes must be at least 1, not " + nodes);
        }
        if (nodes > ONE_NODE && !simulated) {
            throw new CliException("--nodes " + nodes + " needs --simulated: an agent on Docker hosts one node");
        }
        Config config = ServerConfig.load(configFile);
        var out = HerderCommand.of(spec).context().out();
        while (true) {
            ActorSystem<Void> system = AgentProcess.start(config, simulated, nodes);
            out.println("agent up at " + ServerConfig.address(config) + ", " + describeNodes());
            ServerConfig.awaitTermination(system);
            String removed = AgentProcess.removedFromCluster(system);
            if (removed == null) {
                return 0;
            }
            // The kubelet outlives its API server; so does an agent: its pods keep running, and it joins again.
            out.println("agent " + removed + "; joining the cluster again in "
                    + AgentProcess.REJOIN_DELAY.toSeconds() + " s (its pods keep running)");
            try {
                Thread.sleep(AgentProcess.REJOIN_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    private String describeNodes() {
        if (!simulated) {
            return "1 node on Docker";
        }
        return nodes + (nodes == ONE_NODE ? " simulated node" : " simulated nodes");
    }
}
