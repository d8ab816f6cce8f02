package dev.herder.controlplane.master;

import dev.herder.protocol.wire.ReplicationControllerCommand;
import dev.herder.controlplane.controllers.ControllerPods;
import dev.herder.controlplane.objects.Entities;
import dev.herder.protocol.api.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Tells each ReplicationController's entity which pods it has, whenever that changes (and again on every
 * resync, which also wakes an entity that moved to another node or passivated). The view groups pods by owner
 * as they change, so a feed rebuilds only the controllers whose pods changed.
 */
final class ControllerFeed {
    private final ActorSystem<?> system;
    /** Per controller key: what it was last told. */
    private final Map<String, ReplicationControllerCommand.ObservedPods> lastSent = new HashMap<>();

    ControllerFeed(ActorSystem<?> system) {
        this.system = system;
    }

    void forgetSent() {
        lastSent.clear();
    }

    /**
     * Tells the controllers whose pods changed since the last time (or whose own object did, or that were never
     * told): the work grows with what changed, not with every pod of the cluster.
     */
    void send(ClusterView view) {
        ClusterView.PodGroups changed = view.takeChangedPodGroups();
        lastSent.keySet().retainAll(view.controllers().keySet());
        view.controllers().forEach((key, rc) -> {
            ReplicationControllerCommand.ObservedPods last = lastSent.get(key);
            String uid = rc.metadata().uid();
            if (last != null && last.controller().equals(rc) && !changed.owners().contains(uid)
                    && !changed.namespaces().contains(rc.metadata().namespace())) {
                return;
            }
            List<Pod> candidates = new ArrayList<>(view.ownedBy(uid));
            candidates.addAll(view.unownedIn(rc.metadata().namespace()));
            ReplicationControllerCommand.ObservedPods observed = new ReplicationControllerCommand.ObservedPods(rc,
                    ControllerPods.of(rc, candidates));
            if (!observed.equals(last)) {
                Entities.controller(system, key).tell(observed);
                lastSent.put(key, observed);
            }
        });
    }
}
