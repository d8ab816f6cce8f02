package dev.herder.protocol.wire;

import dev.herder.protocol.api.Pod;
import java.util.List;

/**
 * The pods bound to one node, as the Master knows them. A full snapshot (full = true) lists every pod: the
 * agent starts what is missing and stops what is not listed. A delta lists only the pods added or changed
 * since the Master's previous message to this node, and the uids of those removed. The Master sends a full
 * snapshot first (also after a failover) and again on every resync, so an agent that missed a delta
 * catches up. An agent ignores a message whose version is not above the last one it took.
 */
public record PodAssignments(String nodeName, long version, boolean full, List<Pod> pods, List<String> removedUids)
        implements AgentCommand {
}
