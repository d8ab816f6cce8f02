package dev.herder.protocol.api;

import java.util.Map;

/**
 * How many copies of which pod template; desired state. strategy says how a changed template rolls out (a
 * rolling update, one pod at a time by default); paused holds a rollout where it is.
 */
public record ReplicationControllerSpec(
    Integer replicas,
    Integer minReadySeconds,
    Map<String, String> selector,
    PodTemplateSpec template,
    RollingUpdateStrategy strategy,
    Boolean paused) {

    /** Kubernetes' ReplicationController fields only. */
    public ReplicationControllerSpec(Integer replicas, Integer minReadySeconds, Map<String, String> selector,
                                     PodTemplateSpec template) {
        this(replicas, minReadySeconds, selector, template, null, null);
    }

    /** The same spec with another number of replicas. */
    public ReplicationControllerSpec withReplicas(int count) {
        return new ReplicationControllerSpec(count, minReadySeconds, selector, template, strategy, paused);
    }
}
