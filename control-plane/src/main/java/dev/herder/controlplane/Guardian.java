package dev.herder.controlplane;

import dev.herder.controlplane.api.ApiService;
import dev.herder.controlplane.api.ClientEndpoint;
import dev.herder.controlplane.api.http.HttpApi;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.master.Master;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.objects.LocalWatch;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.wire.EntityNames;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/** The root of a control-plane node: entities, the Master singleton, the client endpoint and the HTTP API. */
final class Guardian {
    static final String MASTER = "master";

    private Guardian() {
    }

    private static String endpoints(ActorSystem<?> system) {
        return String.join(",", system.settings().config().getStringList("herder.etcd.endpoints"));
    }

    static Behavior<Void> create() {
        return Behaviors.setup(ctx -> {
            var system = ctx.getSystem();
            ControlPlaneSettings settings = ControlPlaneSettings.from(system.settings().config());
            // this node's connection to etcd, shared by the API, the entities, the Master and the event recorder
            ObjectStore store = Stores.get(system).objects();
            // open the connection now, so that the node's first request does not wait for it, and say how it went
            store.store().revision().whenComplete((revision, failure) -> {
                if (failure != null) {
                    ctx.getSystem().log().error("etcd does not answer at {}: {}; objects can be neither read nor"
                            + " written until it does (herder.etcd.endpoints)", endpoints(system), failure.getMessage());
                } else {
                    ctx.getSystem().log().info("etcd at {} answers, at revision {}", endpoints(system), revision);
                }
            });
            Events.get(system);
            // the watches that feed this node's entities, started before any entity can
            LocalWatch.get(system).start();
            Entities.init(system, settings);
            ActorRef<Master.Command> master = ClusterSingleton.get(system).init(
                    SingletonActor.of(Behaviors.supervise(Master.create(settings))
                                    .onFailure(SupervisorStrategy.restartWithBackoff(
                                            java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(5), 0.2)),
                                    MASTER)
                            .withSettings(ClusterSingletonSettings.create(system).withRole(EntityNames.CONTROL_PLANE_ROLE)));
            ApiService service = new ApiService(system, settings, store, master);
            Adapter.actorOf(ctx, ClientEndpoint.props(service), ClientEndpoint.NAME);
            HttpApi.start(system, service, store);
            return Behaviors.empty();
        });
    }
}
