package dev.herder.protocol.wire;

/**
 * A message for a Pod's entity actor: agents send {@link PodStatusReport}, {@link EventReport} and {@link PodTerminated}. Sealed: the
 * pod entity's protocol is these and no other, so a message meant for another kind does not compile.
 */
public sealed interface PodCommand extends EntityMessage permits PodStatusReport, EventReport, PodTerminated {
}
