package dev.herder.protocol.wire;

/**
 * Everything a control-plane entity actor takes: the {@link EntityMessage}s that may come from other JVMs (and are
 * serialized), and its own node's messages to it (the watch's news, its timers, the store's answers), which never
 * leave the JVM and so are not {@link WireMessage}s.
 */
public interface EntityInput {
}
