package dev.herder.agent;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import java.util.concurrent.Executor;

/** Starts an agent process: joins with role agent and runs one NodeAgent per node it hosts. */
public final class AgentProcess {
    private static final String BLOCKING_DISPATCHER = "herder.agent.blocking-dispatcher";
    /** How long an agent the cluster removed waits before it joins again. */
    public static final Duration REJOIN_DELAY = Duration.ofSeconds(2);

    private AgentProcess() {
    }

    /**
     * @param simulated   run pods on the simulated runtime instead of Docker
     * @param nodeCount   how many nodes this process hosts (simulated only; a Docker agent hosts one)
     */
    public static ActorSystem<Void> start(Config given, boolean simulated, int nodeCount) {
        // removed from the cluster (downed when it lost every control-plane node), an agent's actor system ends
        // but its JVM stays, so that it can join again: see removedFromCluster
        Config config = ConfigFactory.parseString("pekko.coordinated-shutdown.exit-jvm = off").withFallback(given);
        AgentSettings settings = AgentSettings.from(config);
        if (simulated) {
            return ActorSystem.create(Behaviors.setup(ctx -> {
                ControlPlaneLink link = new ControlPlaneLink(ctx.getSystem());
                for (int i = 1; i <= nodeCount; i++) {
                    String name = settings.nodeName() + "-" + i;
                    ctx.spawn(NodeAgent.create(settings.named(name), link), "agent-" + name);
                }
                return Behaviors.<Void>empty();
            }), config.getString("herder.cluster-name"), config);
        }
        if (nodeCount != 1) {
            throw new IllegalArgumentException("an agent on a Docker engine runs one node; --nodes is for --simulated");
        }
        DockerRuntime docker = new DockerRuntime(DockerSettings.from(config));
        String version = docker.version();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
            Executor blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(BLOCKING_DISPATCHER));
            NodeAgent.Runtime runtime = new NodeAgent.Runtime(docker, blocking,
                    AgentSettings.podWorkerSettings(config, settings.nodeName(), settings.address()),
                    config.getDuration("herder.agent.proxy.connect-timeout"));
            ctx.spawn(NodeAgent.create(settings, new ControlPlaneLink(ctx.getSystem()), runtime), "agent-" + settings.nodeName());
            ctx.getLog().info("node {} runs pods on Docker {} at {}", settings.nodeName(), version, settings.address());
            return Behaviors.<Void>empty();
        }), config.getString("herder.cluster-name"), config);
        system.getWhenTerminated().thenRun(docker::close);
        return system;
    }

    /**
     * Why the cluster removed this (terminated) agent's actor system, in words: downed by the Split Brain
     * Resolver (it lost sight of every control-plane node) or removed by the others. Null when it was stopped
     * on purpose (the JVM is exiting, or it left) and should not join again.
     */
    public static String removedFromCluster(ActorSystem<?> system) {
        var reason = CoordinatedShutdown.get(system).getShutdownReason();
        if (reason.isEmpty()) {
            return null;
        }
        if (reason.get() == CoordinatedShutdown.clusterDowningReason()) {
            return "was downed by the cluster (it lost sight of the control plane)";
        }
        if (reason.get() == CoordinatedShutdown.clusterJoinUnsuccessfulReason()) {
            return "could not join the cluster";
        }
        return null;
    }

}
