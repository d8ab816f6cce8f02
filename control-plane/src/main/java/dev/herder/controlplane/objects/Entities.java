package dev.herder.controlplane.objects;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.controllers.ReplicationControllerRules;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.nodes.NodeRules;
import dev.herder.controlplane.pods.PodRules;
import dev.herder.controlplane.services.ServiceRules;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.EntityNames;
import dev.herder.protocol.wire.NodeCommand;
import dev.herder.protocol.wire.PodCommand;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import dev.herder.protocol.wire.ServiceCommand;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The sharded entity types, one per kind, hosted by control-plane nodes. */
public final class Entities {
    private Entities() {
    }

    /*
     * One key per kind, typed by the kind's own commands, so a message meant for a pod cannot be sent to a
     * replication controller. Kind names double as entity type names (EntityNames), so agents' proxies find them.
     */
    public static final EntityTypeKey<PodCommand> POD = EntityTypeKey.create(PodCommand.class, Pod.KIND);
    public static final EntityTypeKey<NodeCommand> NODE = EntityTypeKey.create(NodeCommand.class, Node.KIND);
    public static final EntityTypeKey<ReplicationControllerCommand> REPLICATION_CONTROLLER =
            EntityTypeKey.create(ReplicationControllerCommand.class, ReplicationController.KIND);
    public static final EntityTypeKey<ServiceCommand> SERVICE = EntityTypeKey.create(ServiceCommand.class, Service.KIND);

    public static void init(ActorSystem<?> system, ControlPlaneSettings settings) {
        init(system, POD, (entity, id) -> new PodRules());
        init(system, NODE, (entity, id) -> new NodeRules(settings.nodeNotReadyAfter(), settings.nodeCheckInterval(),
                Events.get(entity.getSystem()).sink(Events.NODE_CONTROLLER)));
        init(system, REPLICATION_CONTROLLER, (entity, id) -> new ReplicationControllerRules(entity,
                Events.get(entity.getSystem()).sink(Events.REPLICATION_CONTROLLER)));
        init(system, SERVICE, (entity, id) -> new ServiceRules(entity.getSystem(), id));
    }

    private static <C extends EntityMessage> void init(ActorSystem<?> system, EntityTypeKey<C> key,
                                                       BiFunction<ActorContext<EntityInput>, String, KindRules> rules) {
        ClusterSharding.get(system).init(Entity.of(key, ctx -> ObjectEntity.create(key.name(), ctx.getEntityId(),
                entity -> rules.apply(entity, ctx.getEntityId())).<C>narrow()).withRole(EntityNames.CONTROL_PLANE_ROLE));
    }

    public static EntityRef<ReplicationControllerCommand> controller(ActorSystem<?> system, String id) {
        return ClusterSharding.get(system).entityRefFor(REPLICATION_CONTROLLER, id);
    }

    public static EntityRef<ServiceCommand> service(ActorSystem<?> system, String id) {
        return ClusterSharding.get(system).entityRefFor(SERVICE, id);
    }
}
