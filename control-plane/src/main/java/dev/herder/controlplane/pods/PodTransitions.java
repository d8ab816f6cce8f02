package dev.herder.controlplane.pods;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The changes the control plane makes to a pod's placement and status: bound to a node, marked unschedulable,
 * failed because its node was lost. Pure: each returns the pod to write (guarded on the version it came from),
 * or empty when there is nothing to change.
 */
public final class PodTransitions {
    /** The reason of a pod failed because its node stopped heartbeating (Kubernetes' NodeLost). */
    public static final String NODE_LOST = "NodeLost";

    private PodTransitions() {
    }

    /** Succeeded and Failed are final: such a pod never runs again, whatever its agent reports. */
    public static boolean ended(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** Whether the pod was failed because its node was lost: it no longer runs there, nor counts there. */
    public static boolean evicted(Pod pod) {
        return pod.status() != null && "Failed".equals(pod.status().phase()) && NODE_LOST.equals(pod.status().reason());
    }

    /** The pod bound to the node (PodScheduled=True); empty when it is bound already. */
    public static Optional<Pod> bound(Pod pod, String nodeName, Instant now) {
        if (pod.spec().nodeName() != null) {
            return Optional.empty();
        }
        PodCondition scheduled = new PodCondition(PodConditions.SCHEDULED, "True", null, null, null, now.toString());
        return Optional.of(pod.withSpec(PodSpecs.withNodeName(pod.spec(), nodeName))
                .withStatus(PodConditions.withCondition(pod.status(), scheduled)));
    }

    /** Why the scheduler found no node (PodScheduled=False, Unschedulable); empty when bound or already said so. */
    public static Optional<Pod> unschedulable(Pod pod, String message, Instant now) {
        if (pod.spec().nodeName() != null) {
            return Optional.empty();
        }
        PodCondition was = PodConditions.find(pod.status(), PodConditions.SCHEDULED);
        if (was != null && message.equals(was.message())) {
            return Optional.empty();
        }
        PodCondition condition = new PodCondition(PodConditions.SCHEDULED, "False", PodConditions.UNSCHEDULABLE,
                message, null, now.toString());
        return Optional.of(pod.withStatus(PodConditions.withCondition(pod.status(), condition)));
    }

    /**
     * The pod Failed with this reason and message (its node is lost: its controller replaces it, and its agent,
     * back, stops it); empty when it has ended already.
     */
    public static Optional<Pod> failed(Pod pod, String reason, String message, Instant now) {
        if (ended(pod)) {
            return Optional.empty();
        }
        PodStatus was = pod.status();
        PodCondition notReady = new PodCondition("Ready", "False", reason, message, null, now.toString());
        return Optional.of(pod.withStatus(new PodStatus("Failed", PodConditions.with(was == null ? null : was.conditions(),
                notReady), message, reason, was == null ? null : was.hostIP(), was == null ? null : was.podIP(),
                was == null ? null : was.startTime(), was == null ? null : was.containerStatuses())));
    }
}
