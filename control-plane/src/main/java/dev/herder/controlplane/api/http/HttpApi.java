package dev.herder.controlplane.api.http;

import dev.herder.controlplane.api.ApiService;
import dev.herder.controlplane.api.watch.WatchCaches;
import dev.herder.controlplane.store.ObjectStore;
import java.time.Duration;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.stream.Materializer;

/** Starts the Kubernetes API's HTTP server on a control-plane node, and unbinds it when the node shuts down. */
public final class HttpApi {
    private HttpApi() {
    }

    /** Binds http.address:http.port (nothing when the port is 0); a port that cannot be bound is logged as an error. */
    public static void start(ActorSystem<?> system, ApiService service, ObjectStore store) {
        HttpSettings settings = HttpSettings.from(system.settings().config());
        if (settings.port() == 0) {
            system.log().info("the Kubernetes HTTP API is off (herder.control-plane.http.port = 0)");
            return;
        }
        String address = settings.address() + ":" + settings.port();
        Materializer materializer = Materializer.matFromSystem(system);
        WatchCaches caches = new WatchCaches(store, settings.watchCacheSize());
        CoordinatedShutdown.get(system).addJvmShutdownHook(caches::close);
        Watches watches = new Watches(caches, materializer, settings.watchQueue(), settings.watchTimeout(),
                settings.bookmarkInterval());
        KubeApi api = new KubeApi(new ObjectRequests(service, materializer, watches), settings, materializer, address);
        Http.get(system).newServerAt(settings.address(), settings.port()).bind(api)
                .thenApply(binding -> binding.addToCoordinatedShutdown(Duration.ofSeconds(3), system))
                .whenComplete((binding, failure) -> {
                    if (failure != null) {
                        system.log().error("the Kubernetes HTTP API could not listen on {}: {}; set"
                                + " herder.control-plane.http.port to a free port (0 turns it off)", address,
                                failure.getMessage());
                    } else {
                        system.log().info("the Kubernetes HTTP API listens on http://{}", address);
                    }
                });
    }
}
