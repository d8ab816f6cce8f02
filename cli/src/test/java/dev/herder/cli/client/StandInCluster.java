package dev.herder.cli.client;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.client.ClusterClientReceptionist;

/**
 * A one-node cluster named "herder" whose /user/api-gateway, registered with the ClusterClientReceptionist,
 * answers every request with one fixed response, or with a function of the request, and keeps the requests it
 * received: enough to test the client's side of the wire.
 */
@SuppressWarnings("deprecation") // the receptionist is the server side of the deprecated ClusterClient
final class StandInCluster implements AutoCloseable {
    private static final Duration UP_WITHIN = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;

    private final ActorSystem system;
    private final List<ApiRequest> requests;

    private StandInCluster(ActorSystem system, List<ApiRequest> requests) {
        this.system = system;
        this.requests = requests;
    }

    static StandInCluster start(ApiResponse answer) {
        return start(request -> answer);
    }

    static StandInCluster start(Function<ApiRequest, ApiResponse> answers) {
        ActorSystem system = ActorSystem.create(HerderClient.CLUSTER_SYSTEM_NAME, config("cluster", 0));
        Cluster cluster = Cluster.get(system);
        cluster.join(cluster.selfAddress());
        List<ApiRequest> requests = new CopyOnWriteArrayList<>();
        ActorRef gateway = system.actorOf(Props.create(Gateway.class, () -> new Gateway(answers, requests)),
                "api-gateway");
        ClusterClientReceptionist.get(system).registerService(gateway);
        awaitUp(cluster);
        return new StandInCluster(system, requests);
    }

    /** The requests the gateway received, in order. */
    List<ApiRequest> requests() {
        return List.copyOf(requests);
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
        private final Function<ApiRequest, ApiResponse> answers;
        private final List<ApiRequest> requests;

        Gateway(Function<ApiRequest, ApiResponse> answers, List<ApiRequest> requests) {
            this.answers = answers;
            this.requests = requests;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(ApiRequest.class, this::onRequest).build();
        }

        private void onRequest(ApiRequest request) {
            requests.add(request);
            getSender().tell(answers.apply(request), getSelf());
        }
    }
}
