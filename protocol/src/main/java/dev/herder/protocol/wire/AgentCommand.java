package dev.herder.protocol.wire;

/** A message for a NodeAgent; the Master sends {@link PodAssignments}. */
public interface AgentCommand extends WireMessage {
}
