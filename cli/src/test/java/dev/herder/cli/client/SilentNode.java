package dev.herder.cli.client;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;

/** A Pekko system named "herder" with no receptionist: reachable, but nobody answers requests. */
final class SilentNode implements AutoCloseable {
    private final ActorSystem system;

    private SilentNode(ActorSystem system) {
        this.system = system;
    }

    static SilentNode start(int port) {
        return new SilentNode(ActorSystem.create(HerderClient.CLUSTER_SYSTEM_NAME, StandInCluster.config("remote", port)));
    }

    String contact() {
        return StandInCluster.contact(system);
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
