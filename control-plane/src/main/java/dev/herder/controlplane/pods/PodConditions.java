package dev.herder.controlplane.pods;

import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import java.util.ArrayList;
import java.util.List;

/** Reading and setting one condition of a pod's status, keeping the others. */
final class PodConditions {
    static final String SCHEDULED = "PodScheduled";
    static final String UNSCHEDULABLE = "Unschedulable";

    private PodConditions() {
    }

    static PodCondition find(PodStatus status, String type) {
        if (status == null || status.conditions() == null) {
            return null;
        }
        return status.conditions().stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }

    static List<PodCondition> with(List<PodCondition> conditions, PodCondition condition) {
        List<PodCondition> out = new ArrayList<>();
        if (conditions != null) {
            conditions.stream().filter(c -> !condition.type().equals(c.type())).forEach(out::add);
        }
        out.add(0, condition);
        return out;
    }

    static PodStatus withCondition(PodStatus status, PodCondition condition) {
        PodStatus s = status == null ? pending() : status;
        return new PodStatus(s.phase(), with(s.conditions(), condition), s.message(), s.reason(), s.hostIP(), s.podIP(),
                s.startTime(), s.containerStatuses());
    }

    static PodStatus pending() {
        return new PodStatus("Pending", List.of(), null, null, null, null, null, List.of());
    }
}
