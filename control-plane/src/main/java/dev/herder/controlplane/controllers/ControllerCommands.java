package dev.herder.controlplane.controllers;

import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.util.List;

/** What a ReplicationController's entity is told: the pods it manages, as the Master sees them. */
public final class ControllerCommands {
    private ControllerCommands() {
    }

    /**
     * The pods of the controller (owned by it, or matching its selector and owned by no controller), as the
     * Master's view of the store has them now, with the controller as that view has it.
     */
    public record ObservedPods(ReplicationController controller, List<PodSummary> pods)
            implements ReplicationControllerCommand {
        public String controllerUid() {
            return controller.metadata().uid();
        }
    }

    /** What a controller needs to know of one of its pods. */
    public record PodSummary(String name, String uid, String phase, boolean ready, String readySince, String created,
                             boolean deleting, String nodeName, String templateHash) {

        /** Still counts as a replica: not ended (Succeeded or Failed) and not being deleted. */
        public boolean active() {
            return !deleting && !"Succeeded".equals(phase) && !"Failed".equals(phase);
        }
    }
}
