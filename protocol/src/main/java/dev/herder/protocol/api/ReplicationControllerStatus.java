package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** What the controller observed of its pods. */
public record ReplicationControllerStatus(
    Integer replicas,
    Integer fullyLabeledReplicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Long observedGeneration) {}
