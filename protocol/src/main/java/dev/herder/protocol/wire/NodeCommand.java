package dev.herder.protocol.wire;

/** A message for a Node's entity actor: agents send {@link NodeHeartbeat}. Sealed, as every kind's protocol. */
public sealed interface NodeCommand extends EntityMessage permits NodeHeartbeat {
}
