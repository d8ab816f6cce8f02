package dev.herder.controlplane.master;

import dev.herder.controlplane.controllers.ControllerPods;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Garbage collection of a deleted controller's pods (a background cascade). Pods and controllers come through
 * separate watches, so a pod can be seen a moment before its new controller is: a pod whose controller the view
 * lacks is an orphan only once it has lacked it for the grace period, and the owner is then looked up in the
 * store itself before anything is deleted. Pure: the Master does the look-up and the delete.
 */
final class Orphans {
    static final Duration GRACE = Duration.ofSeconds(5);

    /** An owner the view lacks, with the pods that name it. */
    record Suspect(String namespace, String name, String uid, List<Pod> pods) {
    }

    private final Map<String, Instant> missingSince = new HashMap<>();

    /** The owners missing from the view for longer than the grace period, each once until seen again. */
    List<Suspect> suspects(ClusterView view, Instant now) {
        Set<String> live = new HashSet<>();
        view.controllers().values().forEach(rc -> live.add(rc.metadata().uid()));
        Map<String, Suspect> byOwner = new HashMap<>();
        // the view groups pods by their controller's uid: only the groups of missing owners are walked
        for (String uid : view.ownerUids()) {
            if (live.contains(uid)) {
                continue;
            }
            for (Pod p : view.ownedBy(uid)) {
                OwnerReference owner = ControllerPods.controllerOf(p);
                if (owner != null && ReplicationController.KIND.equals(owner.kind())
                        && p.metadata().deletionTimestamp() == null) {
                    byOwner.computeIfAbsent(uid, u -> new Suspect(p.metadata().namespace(), owner.name(), u,
                            new ArrayList<>())).pods().add(p);
                }
            }
        }
        missingSince.keySet().retainAll(byOwner.keySet());
        List<Suspect> due = new ArrayList<>();
        byOwner.forEach((uid, suspect) -> {
            Instant since = missingSince.computeIfAbsent(uid, u -> now);
            if (!since.plus(GRACE).isAfter(now)) {
                due.add(suspect);
                missingSince.put(uid, now); // looked up again only after another grace period
            }
        });
        return due;
    }
}
