package dev.herder.protocol.wire;

/**
 * A message for one of the control plane's sharded entity actors. Agents reach the entities through a
 * sharding proxy, so the messages they send (pod reports, node heartbeats) are entity messages too.
 */
public interface EntityMessage extends WireMessage, EntityInput {
}
