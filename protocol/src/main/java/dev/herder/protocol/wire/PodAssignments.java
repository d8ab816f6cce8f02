package dev.herder.protocol.wire;

import dev.herder.protocol.api.Pod;
import java.util.List;

/**
 * Every pod bound to one node, as the Master knows them: a full snapshot, so the agent starts what is missing
 * and stops what is no longer listed. An agent ignores a snapshot whose version is not above the last one.
 */
public record PodAssignments(String nodeName, long version, List<Pod> pods) implements AgentCommand {
}
