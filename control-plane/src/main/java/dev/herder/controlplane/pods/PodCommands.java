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

    /** Record why the scheduler found no node for the pod (PodScheduled=False, reason Unschedulable). */
    public record MarkUnschedulable(String uid, String message) implements PodCommand {
    }
}
