package dev.herder.protocol.wire;

/** A message for a ReplicationController's entity actor (the control plane's own: the pods the Master observes). */
public interface ReplicationControllerCommand extends EntityMessage {
}
