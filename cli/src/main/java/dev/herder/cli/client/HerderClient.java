package dev.herder.cli.client;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorIdentity;
import org.apache.pekko.actor.ActorPath;
import org.apache.pekko.actor.ActorPaths;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Identify;
import org.apache.pekko.cluster.client.ClusterClient;
import org.apache.pekko.cluster.client.ClusterClientSettings;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.pattern.Patterns;

/**
 * The CLI's way into a Herder cluster: a small classic actor system ("herder-client", remote only) running a
 * Pekko {@link ClusterClient} that talks to the ClusterClientReceptionist of the control-plane nodes and sends
 * each request to the ApiGateway at {@value #GATEWAY_PATH}. One client per CLI call; close it when done.
 *
 * <p>To tell "nothing there" from "there but silent", each request also sends an {@link Identify} to every
 * contact point's receptionist: any reply during the request proves a node was reached.
 */
@SuppressWarnings("deprecation") // ClusterClient is deprecated in Pekko in favour of gRPC; Herder uses it on purpose
public final class HerderClient implements ApiClient {
    public static final String CLUSTER_SYSTEM_NAME = "herder";
    public static final String GATEWAY_PATH = "/user/api-gateway";
    private static final String RECEPTIONIST_PATH = "/system/receptionist";
    private static final String CLIENT_SYSTEM_NAME = "herder-client";
    private static final String CLIENT_CONFIG_RESOURCE = "herder-client.conf";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ActorSystem system;
    private final ActorRef clusterClient;
    private final List<String> contacts;
    private final Duration timeout;
    private final Set<ActorPath> receptionists;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HerderClient(ActorSystem system, Set<ActorPath> receptionists, List<String> contacts, Duration timeout) {
        this.system = system;
        this.contacts = contacts;
        this.timeout = timeout;
        this.receptionists = receptionists;
        ClusterClientSettings settings = ClusterClientSettings.create(system).withInitialContacts(receptionists);
        this.clusterClient = system.actorOf(ClusterClient.props(settings), "cluster-client");
    }

    /** Connects to the cluster named "herder" through the given {@code host:port} contact points. */
    public static HerderClient connect(List<String> contacts, Duration timeout) {
        return connect(contacts, timeout, CLUSTER_SYSTEM_NAME);
    }

    public static HerderClient connect(List<String> contacts, Duration timeout, String clusterName) {
        Set<ActorPath> receptionists = receptionists(contacts, clusterName);
        ActorSystem system = ActorSystem.create(CLIENT_SYSTEM_NAME, clientConfig());
        return new HerderClient(system, receptionists, List.copyOf(contacts), timeout);
    }

    /** The client system's config: system properties over herder-client.conf over every module's reference.conf. */
    static Config clientConfig() {
        return ConfigFactory.defaultOverrides()
                .withFallback(ConfigFactory.parseResources(CLIENT_CONFIG_RESOURCE))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
    }

    @Override
    public CompletionStage<ApiResponse> send(ApiRequest request) {
        AtomicBoolean reached = probeContacts();
        Object envelope = new ClusterClient.Send(GATEWAY_PATH, request, true);
        return Patterns.ask(clusterClient, envelope, timeout).handle((reply, failure) -> {
            if (failure != null) {
                throw new CompletionException(explain(failure, reached.get()));
            }
            if (reply instanceof ApiResponse response) {
                return response;
            }
            throw new CompletionException(HerderClientException.unexpectedReply(reply));
        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the process is about to end or move on; a slow goodbye is not the user's problem
        }
    }

    private Throwable explain(Throwable failure, boolean reached) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AskTimeoutException) {
            return reached ? HerderClientException.noAnswer(timeout) : HerderClientException.unreachable(contacts, timeout);
        }
        return cause;
    }

    /** Asks every contact point's receptionist who it is; the flag turns true at the first answer. */
    private AtomicBoolean probeContacts() {
        AtomicBoolean reached = new AtomicBoolean();
        for (ActorPath receptionist : receptionists) {
            Patterns.ask(system.actorSelection(receptionist), new Identify(receptionist.toString()), timeout)
                    .thenAccept(reply -> {
                        if (reply instanceof ActorIdentity) {
                            reached.set(true);
                        }
                    });
        }
        return reached;
    }

    private static Set<ActorPath> receptionists(List<String> contacts, String clusterName) {
        Set<ActorPath> paths = new LinkedHashSet<>();
        for (String contact : contacts) {
            String path = "pekko://" + clusterName + "@" + contact + RECEPTIONIST_PATH;
            try {
                paths.add(ActorPaths.fromString(path));
            } catch (Exception e) { // Scala throws MalformedURLException undeclared
                throw new IllegalArgumentException("invalid contact point \"" + contact + "\": expected host:port", e);
            }
        }
        return paths;
    }
}
