package dev.herder.agent;

import dev.herder.protocol.wire.EntityMessage;

/** Where an agent sends what it has to say: to the entity of one object in the control plane. */
public interface ControlPlane {
    /** Sends a message to the entity of one object: a pod's "namespace/name", a node's name. */
    void tell(String kind, String entityId, EntityMessage message);
}
