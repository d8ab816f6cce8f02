package dev.herder.agent;

import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.EntityNames;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * How an agent reaches the control plane's entities: a sharding proxy per kind (agents do not have the
 * control-plane role, so sharding runs no entities here), addressed by the entity names both sides share.
 */
public final class ControlPlaneLink implements ControlPlane {
    private final ClusterSharding sharding;

    public ControlPlaneLink(ActorSystem<?> system) {
        this.sharding = ClusterSharding.get(system);
        for (String kind : Kinds.ALL) {
            sharding.init(Entity.of(key(kind), ctx -> Behaviors.<EntityMessage>empty())
                    .withRole(EntityNames.CONTROL_PLANE_ROLE));
        }
    }

    @Override
    public void tell(String kind, String entityId, EntityMessage message) {
        sharding.entityRefFor(key(kind), entityId).tell(message);
    }

    private static EntityTypeKey<EntityMessage> key(String kind) {
        return EntityTypeKey.create(EntityMessage.class, kind);
    }
}
