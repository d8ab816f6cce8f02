package dev.herder.controlplane.pods;

import dev.herder.controlplane.objects.KindRules;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.PodStatusReport;
import dev.herder.protocol.wire.PodTerminated;
import java.time.Instant;
import java.util.Optional;

/**
 * A pod's entity writes what its agent reports, in versioned snapshots: a stale report is dropped, and the
 * scheduler's condition is kept. A report that meets a newer pod (the API or the Master wrote it meanwhile) is
 * merged again into that one. When the agent says a Terminating pod has stopped, the entity removes the pod.
 */
public final class PodRules implements KindRules {
    private long lastReportVersion;

    @Override
    public Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        if (message instanceof PodStatusReport report) {
            return onReport(report, current.map(Pod.class::cast));
        }
        if (message instanceof PodTerminated terminated) {
            return onTerminated(terminated, current.map(Pod.class::cast));
        }
        return Reaction.none();
    }

    /** The agent has stopped a Terminating pod: the graceful deletion ends, and the pod goes from the store. */
    private Reaction onTerminated(PodTerminated terminated, Optional<Pod> current) {
        if (current.isEmpty()) {
            return Reaction.none();
        }
        Pod pod = current.get();
        if (!pod.metadata().uid().equals(terminated.uid()) || !terminated.nodeName().equals(pod.spec().nodeName())
                || pod.metadata().deletionTimestamp() == null) {
            // this entity may hold the pod as it was before the delete marked it: read it again
            return Reaction.stale();
        }
        return Reaction.remove();
    }

    private Reaction onReport(PodStatusReport report, Optional<Pod> current) {
        // the same version again is the same report tried again after a conflict
        if (current.isEmpty()) {
            return Reaction.stale();
        }
        if (report.version() < lastReportVersion || PodTransitions.ended(current.get())) {
            return Reaction.none();
        }
        Pod pod = current.get();
        if (!pod.metadata().uid().equals(report.uid()) || !report.nodeName().equals(pod.spec().nodeName())) {
            // the pod may have been bound, or made again, since this entity read it
            return Reaction.stale();
        }
        lastReportVersion = report.version();
        PodStatus reported = report.status();
        PodCondition scheduled = PodConditions.find(pod.status(), PodConditions.SCHEDULED);
        PodStatus merged = new PodStatus(reported.phase(),
                scheduled == null ? reported.conditions() : PodConditions.with(reported.conditions(), scheduled),
                reported.message(), reported.reason(), reported.hostIP(), reported.podIP(), reported.startTime(),
                reported.containerStatuses());
        if (merged.equals(pod.status())) {
            return Reaction.none();
        }
        return Reaction.write(pod.withStatus(merged));
    }
}
