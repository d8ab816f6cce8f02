package dev.herder.controlplane.master;

import dev.herder.protocol.wire.WireMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** What other actors may ask the Master singleton. */
public final class MasterProtocol {
    private MasterProtocol() {
    }

    /** Answered with the address of the node the Master runs on. */
    public record WhereAreYou(ActorRef<Location> replyTo) implements Master.Command, WireMessage {
    }

    /** host:port of the node that holds the Master singleton. */
    public record Location(String hostPort) implements WireMessage {
    }

    /**
     * Before a service is stored: are its ports free (every node's proxy listens on each service port and node
     * port, so each may serve one service in the cluster), and which node ports does it get? Answered with
     * {@link PortsReserved}.
     *
     * @param serviceKey namespace/name of the service
     * @param ports      its ports as the user gave them (nodePort null: one is chosen for a NodePort service)
     */
    public record ReservePorts(String serviceKey, String type, java.util.List<dev.herder.protocol.api.ServicePort> ports,
                               ActorRef<PortsReserved> replyTo) implements Master.Command, WireMessage {
    }

    /** The ports with their node ports set, or why they cannot be had (error: nothing was reserved). */
    public record PortsReserved(java.util.List<dev.herder.protocol.api.ServicePort> ports, String error)
            implements WireMessage {
    }
}
