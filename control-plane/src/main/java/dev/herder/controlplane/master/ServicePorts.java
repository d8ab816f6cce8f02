package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.services.PortAllocation;
import dev.herder.protocol.api.Service;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The Master's keeper of service ports: checks a service's ports against every other service's before the API
 * stores it (every node's proxy listens on each, so each serves one service in the cluster), and chooses node
 * ports, remembering those it handed out until the service that got them is seen.
 */
final class ServicePorts extends AbstractBehavior<ServicePorts.Command> {
    /** The kind it needs. */
    static final Set<String> KINDS = Set.of(Service.KIND);

    sealed interface Command {
    }

    /** The Master's news of services. */
    record News(ViewNews news) implements Command {
    }

    /** An API node's question, handed on by the Master. */
    record Reserve(MasterProtocol.ReservePorts ask) implements Command {
    }

    private final ClusterView view = new ClusterView(KINDS, EnumSet.noneOf(ClusterView.Index.class));
    private final PortAllocation ports;

    private ServicePorts(ActorContext<Command> context, ControlPlaneSettings settings) {
        super(context);
        this.ports = new PortAllocation(settings.nodePortRange());
    }

    static Behavior<Command> create(ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> new ServicePorts(ctx, settings));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(News.class, news -> {
                    view.apply(news.news());
                    ports.seen(view.services());
                    return this;
                })
                .onMessage(Reserve.class, this::onReserve)
                .build();
    }

    private Behavior<Command> onReserve(Reserve reserve) {
        MasterProtocol.ReservePorts ask = reserve.ask();
        if (!view.ready()) {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(null, "the Master took over moments ago and is still"
                    + " reading the store; try again in a few seconds"));
            return this;
        }
        try {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(ports.reserve(ask.serviceKey(), ask.type(), ask.ports(),
                    view.services(), Instant.now()), null));
        } catch (IllegalArgumentException e) {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(null, e.getMessage()));
        }
        return this;
    }
}
