package dev.herder.controlplane.objects;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.nodes.NodeRules;
import dev.herder.controlplane.pods.PodRules;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.controlplane.services.ServiceRules;
import dev.herder.controlplane.controllers.ReplicationControllerRules;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.EntityNames;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The sharded entity types, one per kind, hosted by control-plane nodes. */
public final class Entities {
    private Entities() {
    }

    /** Kind names double as entity type names (EntityNames), so agents' proxies find them. */
    public static EntityTypeKey<EntityMessage> typeKey(String kind) {
        return EntityTypeKey.create(EntityMessage.class, kind);
    }

    public static void init(ActorSystem<?> system, StoreKeys keys, ControlPlaneSettings settings) {
        ClusterSharding sharding = ClusterSharding.get(system);
        for (String kind : Kinds.ALL) {
            sharding.init(Entity.of(typeKey(kind), ctx -> ObjectEntity.create(kind, ctx.getEntityId(), keys,
                    entity -> rules(kind, keys, settings, entity), settings)).withRole(EntityNames.CONTROL_PLANE_ROLE));
        }
    }

    public static EntityRef<EntityMessage> ref(ActorSystem<?> system, String kind, String id) {
        return ClusterSharding.get(system).entityRefFor(typeKey(kind), id);
    }

    private static KindRules rules(String kind, StoreKeys keys, ControlPlaneSettings settings,
                                   org.apache.pekko.actor.typed.javadsl.ActorContext<EntityMessage> entity) {
        if (Pod.KIND.equals(kind)) {
            return new PodRules();
        } else if (Node.KIND.equals(kind)) {
            return new NodeRules(settings.nodeNotReadyAfter(), settings.nodeCheckInterval(),
                    Events.get(entity.getSystem()).sink(Events.NODE_CONTROLLER));
        } else if (ReplicationController.KIND.equals(kind)) {
            return new ReplicationControllerRules(entity, settings.askTimeout(),
                    Events.get(entity.getSystem()).sink(Events.REPLICATION_CONTROLLER));
        } else if (Service.KIND.equals(kind)) {
            return new ServiceRules(entity.getSystem(), keys, settings);
        }
        return KindRules.DEFAULT;
    }
}
