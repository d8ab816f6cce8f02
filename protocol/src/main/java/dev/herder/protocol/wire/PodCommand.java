package dev.herder.protocol.wire;

/** A message for a Pod's entity actor. The control plane adds its own; agents send {@link PodStatusReport}. */
public interface PodCommand extends EntityMessage {
}
