package dev.herder.protocol.wire;

import dev.herder.protocol.api.ReplicationController;
import java.util.List;

/**
 * A message for a ReplicationController's entity actor: the Master tells it its pods ({@link ObservedPods}).
 * Sealed, as every kind's protocol.
 */
public sealed interface ReplicationControllerCommand extends EntityMessage
        permits ReplicationControllerCommand.ObservedPods {

    /**
     * The pods of the controller (owned by it, or matching its selector and owned by no controller), as the
     * Master's view of the store has them now, with the controller as that view has it.
     */
    record ObservedPods(ReplicationController controller, List<PodSummary> pods)
            implements ReplicationControllerCommand {
        public String controllerUid() {
            return controller.metadata().uid();
        }
    }

    /** What a controller needs to know of one of its pods. */
    record PodSummary(String name, String uid, String phase, boolean ready, String readySince, String created,
                      boolean deleting, String nodeName, String templateHash) {

        /** Still counts as a replica: not ended (Succeeded or Failed) and not being deleted. */
        public boolean active() {
            return !deleting && !"Succeeded".equals(phase) && !"Failed".equals(phase);
        }
    }
}
