package dev.herder.protocol.api;

import java.util.List;

/**
 * What the controller observed of its pods: all it has (replicas), those of its current template
 * (updatedReplicas, Herder's, as a Deployment's), those ready, and those ready for minReadySeconds; and, Herder's,
 * where its latest rollout stands and the templates it has rolled out, newest last.
 */
public record ReplicationControllerStatus(
    Integer replicas,
    Integer fullyLabeledReplicas,
    Integer readyReplicas,
    Integer availableReplicas,
    Long observedGeneration,
    Integer updatedReplicas,
    RolloutState rollout,
    List<TemplateRevision> history) {

    /** The counts alone, with no rollout recorded yet. */
    public ReplicationControllerStatus(Integer replicas, Integer fullyLabeledReplicas, Integer readyReplicas,
                                       Integer availableReplicas, Long observedGeneration, Integer updatedReplicas) {
        this(replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration, updatedReplicas,
                null, null);
    }
}
