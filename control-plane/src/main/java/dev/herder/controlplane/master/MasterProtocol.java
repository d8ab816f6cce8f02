package dev.herder.controlplane.master;

import dev.herder.protocol.wire.WireMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** What other actors may ask the Master singleton. */
public final class MasterProtocol {
    private MasterProtocol() {
    }

    /** Answered with the address of the node the Master runs on. */
    public record WhereAreYou(ActorRef<Location> replyTo) implements Master.Command {
    }

    /** host:port of the node that holds the Master singleton. */
    public record Location(String hostPort) implements WireMessage {
    }
}
