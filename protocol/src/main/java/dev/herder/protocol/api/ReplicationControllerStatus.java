package dev.herder.protocol.api;

/**
 * What the controller observed of its pods: all it has (replicas), those of its current template
 * (updatedReplicas, Herder's, as a Deployment's), those ready, and those ready for minReadySeconds.
 */
public record ReplicationControllerStatus(
    Integer replicas,
    Integer fullyLabeledReplicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Long observedGeneration,
    Integer updatedReplicas) {}
