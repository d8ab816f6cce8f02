package dev.herder.protocol.wire;

import dev.herder.protocol.api.Node;

/**
 * An agent's periodic word that its node is alive, carrying the node as the agent describes it (labels,
 * capacity, addresses, agent annotation). The first one registers the node; a changed one updates it.
 */
public record NodeHeartbeat(Node node, long sentAtMillis) implements NodeCommand {
}
