package dev.herder.protocol.api;

import java.util.Map;

/**
 * How many copies of which pod template; desired state. Beyond Kubernetes' ReplicationController (Herder takes
 * these from Deployments): strategy says how a changed template rolls out; paused holds a rollout where it is;
 * a rollout that makes no progress for progressDeadlineSeconds (default 600) has failed, and autoRollback then
 * puts the previous template back; revisionHistoryLimit templates are kept for {@code rollout undo}.
 */
public record ReplicationControllerSpec(
    Integer replicas,
    Integer minReadySeconds,
    Map<String, String> selector,
    PodTemplateSpec template,
    RollingUpdateStrategy strategy,
    Boolean paused,
    Integer progressDeadlineSeconds,
    Boolean autoRollback,
    Integer revisionHistoryLimit) {

    public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
    public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

    /** Kubernetes' ReplicationController fields only. */
    public ReplicationControllerSpec(Integer replicas, Integer minReadySeconds, Map<String, String> selector,
                                     PodTemplateSpec template) {
        this(replicas, minReadySeconds, selector, template, null, null, null, null, null);
    }

    /** The same spec with another number of replicas. */
    public ReplicationControllerSpec withReplicas(int count) {
        return new ReplicationControllerSpec(count, minReadySeconds, selector, template, strategy, paused,
                progressDeadlineSeconds, autoRollback, revisionHistoryLimit);
    }

    /** The same spec with another template. */
    public ReplicationControllerSpec withTemplate(PodTemplateSpec other) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, selector, other, strategy, paused,
                progressDeadlineSeconds, autoRollback, revisionHistoryLimit);
    }

    /** The same spec, paused or not (not paused is written as absent). */
    public ReplicationControllerSpec withPaused(boolean pause) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, selector, template, strategy,
                pause ? Boolean.TRUE : null, progressDeadlineSeconds, autoRollback, revisionHistoryLimit);
    }
}
