package dev.herder.protocol.api;

/** Who recorded an event: a component (replication-controller, default-scheduler...) and, for agents, the node. */
public record EventSource(String component, String host) {
}
