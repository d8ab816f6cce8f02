package dev.herder.controlplane.master;

import dev.herder.controlplane.controllers.ControllerCommands;
import dev.herder.controlplane.controllers.ControllerPods;
import dev.herder.controlplane.objects.Entities;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Tells each ReplicationController's entity which pods it has, whenever that changes (and again on every
 * resync, which also wakes an entity that moved to another node or passivated). One pass over the pods
 * groups them by owner, so the work grows with pods plus controllers, not their product.
 */
final class ControllerFeed {
    private final ActorSystem<?> system;
    /** Per controller key: what it was last told. */
    private final Map<String, ControllerCommands.ObservedPods> lastSent = new HashMap<>();

    ControllerFeed(ActorSystem<?> system) {
        this.system = system;
    }

    void forgetSent() {
        lastSent.clear();
    }

    void send(ClusterView view) {
        if (view.controllers().isEmpty()) {
            lastSent.clear();
            return;
        }
        Map<String, List<Pod>> owned = new HashMap<>();
        Map<String, List<Pod>> unownedByNamespace = new HashMap<>();
        for (Pod p : view.pods()) {
            OwnerReference owner = ControllerPods.controllerOf(p);
            if (owner != null) {
                owned.computeIfAbsent(owner.uid(), u -> new ArrayList<>()).add(p);
            } else {
                unownedByNamespace.computeIfAbsent(p.metadata().namespace(), n -> new ArrayList<>()).add(p);
            }
        }
        view.controllers().forEach((key, rc) -> {
            List<Pod> candidates = new ArrayList<>(owned.getOrDefault(rc.metadata().uid(), List.of()));
            candidates.addAll(unownedByNamespace.getOrDefault(rc.metadata().namespace(), List.of()));
            ControllerCommands.ObservedPods observed = new ControllerCommands.ObservedPods(rc,
                    ControllerPods.of(rc, candidates));
            if (!observed.equals(lastSent.get(key))) {
                Entities.controller(system, key).tell(observed);
                lastSent.put(key, observed);
            }
        });
        lastSent.keySet().retainAll(view.controllers().keySet());
    }
}
