package dev.herder.protocol.wire;

import dev.herder.protocol.api.Node;

/**
 * An agent's periodic word that its node is alive. Now and then (herder.agent.node-status-interval, and the first
 * time) it carries the node as the agent describes it (labels, capacity, addresses, agent annotation), which
 * registers the node or updates it; the others carry no node (null): a node of a thousand hollow agents is told
 * a thousand times a second that they are alive, and need not decode a thousand node descriptions for it.
 */
public record NodeHeartbeat(Node node, long sentAtMillis) implements NodeCommand {
}
