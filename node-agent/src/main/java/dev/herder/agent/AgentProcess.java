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
        return ActorSystem.create(Behaviors.<Void>empty(), config.getString("herder.cluster-name"), config);
    }
}
