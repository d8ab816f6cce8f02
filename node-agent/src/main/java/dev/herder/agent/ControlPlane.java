package dev.herder.agent;

import dev.herder.protocol.wire.NodeCommand;
import dev.herder.protocol.wire.PodCommand;
import dev.herder.protocol.wire.ServiceCommand;

/**
 * Where an agent sends what it has to say: to the entity of one object in the control plane, each kind through its
 * own protocol, so a message meant for a pod cannot be sent to a node.
 */
public interface ControlPlane {
    /** To the entity of the pod "namespace/name". */
    void tellPod(String key, PodCommand message);

    /** To the entity of the node of this name. */
    void tellNode(String name, NodeCommand message);

    /** To the entity of the service "namespace/name". */
    void tellService(String key, ServiceCommand message);
}
