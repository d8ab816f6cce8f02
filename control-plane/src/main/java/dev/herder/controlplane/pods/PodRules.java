package dev.herder.controlplane.pods;

import dev.herder.controlplane.objects.KindRules;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.PodStatusReport;
import java.time.Instant;
import java.util.Optional;

/**
 * A pod's entity writes what its agent reports, in versioned snapshots: a stale report is dropped, and the
 * scheduler's condition is kept. A report that meets a newer pod (the API or the Master wrote it meanwhile) is
 * merged again into that one.
 */
public final class PodRules implements KindRules {
    private long lastReportVersion;

    @Override
    public Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        if (message instanceof PodStatusReport report) {
            return onReport(report, current.map(Pod.class::cast));
        }
        return Reaction.none();
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
