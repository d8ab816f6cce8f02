package dev.herder.controlplane.controllers;

import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.EntityMessage;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/** What a ReplicationController's entity is told: the pods it manages, as the Master sees them. */
public final class ControllerCommands {
    private ControllerCommands() {
    }

    /**
     * The pods of the controller with this uid (owned by it, or matching its selector and owned by no
     * controller), as the Master's view of the store has them now; generation is the controller's as the
     * Master saw it.
     */
    public record ObservedPods(String controllerUid, long generation, List<PodSummary> pods) implements EntityMessage {
    }

    /** Set spec.replicas; answered with Applied holding one outcome ("scaled"), or Failure NOT_FOUND. */
    public record Scale(String name, int replicas, ActorRef<ApiResponse> replyTo) implements EntityMessage {
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
