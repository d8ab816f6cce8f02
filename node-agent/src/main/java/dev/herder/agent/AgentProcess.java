package dev.herder.agent;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Starts an agent process: joins with role agent and runs one NodeAgent per node it hosts. */
public final class AgentProcess {
    private AgentProcess() {
    }

    /**
     * @param simulated   run pods on the simulated runtime instead of Docker
     * @param nodeCount   how many nodes this process hosts (simulated only; a Docker agent hosts one)
     */
    public static ActorSystem<Void> start(Config config, boolean simulated, int nodeCount) {
        if (!simulated) {
            throw new IllegalArgumentException("this version of Herder runs simulated nodes only: start the agent with"
                    + " --simulated (the Docker runtime comes with the node agent issue)");
        }
        AgentSettings settings = AgentSettings.from(config);
        return ActorSystem.create(Behaviors.setup(ctx -> {
            ControlPlaneLink link = new ControlPlaneLink(ctx.getSystem());
            for (int i = 1; i <= nodeCount; i++) {
                String name = settings.nodeName() + "-" + i;
                ctx.spawn(NodeAgent.create(settings.named(name), link), "agent-" + name);
            }
            return Behaviors.<Void>empty();
        }), config.getString("herder.cluster-name"), config);
    }
}
