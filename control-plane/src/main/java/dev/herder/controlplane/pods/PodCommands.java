package dev.herder.controlplane.pods;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.PodCommand;
import dev.herder.protocol.wire.WireMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** What the Master asks of a Pod's entity. */
public final class PodCommands {
    private PodCommands() {
    }

    /** Record that the pod runs on this node. Answered with the stored pod (bound here, or already elsewhere). */
    public record Bind(String nodeName, String uid, ActorRef<BindResult> replyTo) implements PodCommand {
    }

    /** pod is the stored pod after the bind, or error says why there is none. */
    public record BindResult(String podId, Pod pod, ApiError error) implements WireMessage {
    }

    /**
     * The pod's node is lost: mark it Failed with this reason and message (a pod that has ended already is
     * left as it is). Its controller replaces it; its agent, back, stops it.
     */
    public record MarkFailed(String uid, String reason, String message) implements PodCommand {
    }

    /** The reason of a pod failed because its node stopped heartbeating (Kubernetes' NodeLost). */
    public static final String NODE_LOST = "NodeLost";

    /** Whether the pod was failed because its node was lost: it no longer runs there, nor counts there. */
    /** Succeeded and Failed are final: such a pod never runs again, whatever its agent reports. */
    public static boolean ended(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    public static boolean evicted(dev.herder.protocol.api.Pod pod) {
        return pod.status() != null && "Failed".equals(pod.status().phase()) && NODE_LOST.equals(pod.status().reason());
    }

    /** Record why the scheduler found no node for the pod (PodScheduled=False, reason Unschedulable). */
    public record MarkUnschedulable(String uid, String message) implements PodCommand {
    }
}
