package dev.herder.controlplane.controllers;

import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.selector.LabelSelector;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Which pods a controller manages, and what it needs to know of them. Pure. */
public final class ControllerPods {
    private ControllerPods() {
    }

    /**
     * The controller's pods among these: in its namespace, and owned by it (its uid in a controller owner
     * reference), or matching its selector and owned by no controller. Sorted by name.
     */
    public static List<ReplicationControllerCommand.PodSummary> of(ReplicationController rc, Collection<Pod> pods) {
        String uid = rc.metadata().uid();
        String namespace = rc.metadata().namespace();
        Map<String, String> selector = rc.spec() == null ? null : rc.spec().selector();
        LabelSelector matcher = selector == null || selector.isEmpty() ? null : LabelSelector.fromMap(selector);
        List<ReplicationControllerCommand.PodSummary> out = new ArrayList<>();
        for (Pod p : pods) {
            if (!namespace.equals(p.metadata().namespace())) {
                continue;
            }
            OwnerReference owner = controllerOf(p);
            boolean mine = owner != null ? uid.equals(owner.uid())
                    : matcher != null && matcher.matches(p.metadata().labels() == null ? Map.of() : p.metadata().labels());
            if (mine) {
                out.add(summary(p));
            }
        }
        out.sort(Comparator.comparing(ReplicationControllerCommand.PodSummary::name));
        return out;
    }

    /** The owner reference marked controller, if the pod has one. */
    public static OwnerReference controllerOf(Pod p) {
        if (p.metadata().ownerReferences() == null) {
            return null;
        }
        return p.metadata().ownerReferences().stream().filter(o -> Boolean.TRUE.equals(o.controller())).findFirst()
                .orElse(null);
    }

    static ReplicationControllerCommand.PodSummary summary(Pod p) {
        PodCondition ready = p.status() == null || p.status().conditions() == null ? null
                : p.status().conditions().stream().filter(c -> "Ready".equals(c.type())).findFirst().orElse(null);
        boolean isReady = ready != null && "True".equals(ready.status());
        return new ReplicationControllerCommand.PodSummary(p.metadata().name(), p.metadata().uid(),
                p.status() == null ? null : p.status().phase(), isReady, isReady ? ready.lastTransitionTime() : null,
                p.metadata().creationTimestamp(), p.metadata().deletionTimestamp() != null, p.spec().nodeName(),
                p.metadata().labels() == null ? null : p.metadata().labels().get(TemplateHash.LABEL));
    }
}
