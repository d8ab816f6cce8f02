package dev.herder.controlplane;

import dev.herder.controlplane.api.ApiService;
import dev.herder.controlplane.api.ClientEndpoint;
import dev.herder.controlplane.api.ObjectLister;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.master.Master;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.store.LegacyBuckets;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.wire.EntityNames;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/** The root of a control-plane node: entities, the Master singleton and the client endpoint. */
final class Guardian {
    static final String MASTER = "master";

    private Guardian() {
    }

    static Behavior<Void> create() {
        return Behaviors.setup(ctx -> {
            var system = ctx.getSystem();
            ControlPlaneSettings settings = ControlPlaneSettings.from(system.settings().config());
            StoreKeys keys = StoreKeys.of(settings);
            // Start this node's replica of the store now: it loads the durable state from disk and answers
            // the other nodes' majority reads and writes even before anything here uses it.
            DistributedData.get(system);
            LegacyBuckets.warnIfAny(system,
                    system.settings().config().getString("pekko.cluster.distributed-data.durable.lmdb.dir"));
            Events.get(system);
            Entities.init(system, keys, settings);
            ActorRef<Master.Command> master = ClusterSingleton.get(system).init(
                    SingletonActor.of(Behaviors.supervise(Master.create(keys, settings))
                                    .onFailure(SupervisorStrategy.restartWithBackoff(
                                            java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(5), 0.2)),
                                    MASTER)
                            .withSettings(ClusterSingletonSettings.create(system).withRole(EntityNames.CONTROL_PLANE_ROLE)));
            ApiService service = new ApiService(system, settings, new ObjectLister(system, keys, settings), master);
            Adapter.actorOf(ctx, ClientEndpoint.props(service), ClientEndpoint.NAME);
            return Behaviors.empty();
        });
    }
}
