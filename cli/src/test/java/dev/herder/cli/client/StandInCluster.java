package dev.herder.cli.client;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.client.ClusterClientReceptionist;

/**
 * A one-node cluster named "herder" whose /user/api-gateway, registered with the ClusterClientReceptionist,
 * answers every request with one fixed response: enough to test the client's side of the wire.
 */
@SuppressWarnings("deprecation") // the receptionist is the server side of the deprecated ClusterClient
final class StandInCluster implements AutoCloseable {
    private static final Duration UP_WITHIN = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;

    private final ActorSystem system;

    private StandInCluster(ActorSystem system) {
        this.system = system;
    }

    static StandInCluster start(ApiResponse answer) {
        ActorSystem system = ActorSystem.create(HerderClient.CLUSTER_SYSTEM_NAME, config("cluster", 0));
        Cluster cluster = Cluster.get(system);
        cluster.join(cluster.selfAddress());
        ActorRef gateway = system.actorOf(Props.create(Gateway.class, () -> new Gateway(answer)), "api-gateway");
        ClusterClientReceptionist.get(system).registerService(gateway);
        awaitUp(cluster);
        return new StandInCluster(system);
    }

    /** @param port 0 for any free one */
    static Config config(String provider, int port) {
        return ConfigFactory.parseString("""
                pekko.actor.provider = %s
                pekko.loglevel = OFF
                pekko.stdout-loglevel = OFF
                pekko.log-dead-letters = off
                pekko.actor.allow-java-serialization = off
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = %d
                pekko.cluster.jmx.enabled = off
                """.formatted(provider, port)).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    private static void awaitUp(Cluster cluster) {
        long deadline = System.nanoTime() + UP_WITHIN.toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stand-in cluster not Up within " + UP_WITHIN);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String contact(ActorSystem system) {
        return "127.0.0.1:" + system.provider().getDefaultAddress().getPort().orElseThrow();
    }

    String contact() {
        return contact(system);
    }

    @Override
    public void close() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    static final class Gateway extends AbstractActor {
        private final ApiResponse answer;

        Gateway(ApiResponse answer) {
            this.answer = answer;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(ApiRequest.class, r -> getSender().tell(answer, getSelf())).build();
        }
    }
}
