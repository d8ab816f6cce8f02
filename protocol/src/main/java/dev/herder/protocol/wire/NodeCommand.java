package dev.herder.protocol.wire;

/** A message for a Node's entity actor; agents send {@link NodeHeartbeat}. */
public interface NodeCommand extends EntityMessage {
}
