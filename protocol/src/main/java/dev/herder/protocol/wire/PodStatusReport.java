package dev.herder.protocol.wire;

import dev.herder.protocol.api.PodStatus;

/**
 * A full, versioned snapshot of what an agent observes of one pod. The Pod's actor drops a report whose
 * version is not above the last one it took, or whose uid or node is not the pod's own.
 */
public record PodStatusReport(String namespace, String name, String uid, String nodeName, long version,
                              PodStatus status) implements PodCommand {
}
