package dev.herder.agent;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityMessage;
import dev.herder.protocol.wire.EntityNames;
import dev.herder.protocol.wire.NodeCommand;
import dev.herder.protocol.wire.PodCommand;
import dev.herder.protocol.wire.ServiceCommand;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * How an agent reaches the control plane's entities: a sharding proxy per kind it talks to (agents do not have the
 * control-plane role, so sharding runs no entities here), each keyed as the control plane keys that kind: its name
 * and its command protocol.
 */
public final class ControlPlaneLink implements ControlPlane {
    private static final EntityTypeKey<PodCommand> POD = EntityTypeKey.create(PodCommand.class, Pod.KIND);
    private static final EntityTypeKey<NodeCommand> NODE = EntityTypeKey.create(NodeCommand.class, Node.KIND);
    private static final EntityTypeKey<ServiceCommand> SERVICE = EntityTypeKey.create(ServiceCommand.class, Service.KIND);
    private final ClusterSharding sharding;

    public ControlPlaneLink(ActorSystem<?> system) {
        this.sharding = ClusterSharding.get(system);
        proxy(POD);
        proxy(NODE);
        proxy(SERVICE);
    }

    private <C extends EntityMessage> void proxy(EntityTypeKey<C> key) {
        sharding.init(Entity.of(key, ctx -> Behaviors.<C>empty()).withRole(EntityNames.CONTROL_PLANE_ROLE));
    }

    @Override
    public void tellPod(String key, PodCommand message) {
        sharding.entityRefFor(POD, key).tell(message);
    }

    @Override
    public void tellNode(String name, NodeCommand message) {
        sharding.entityRefFor(NODE, name).tell(message);
    }

    @Override
    public void tellService(String key, ServiceCommand message) {
        sharding.entityRefFor(SERVICE, key).tell(message);
    }
}
