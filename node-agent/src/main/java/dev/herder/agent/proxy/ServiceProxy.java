package dev.herder.agent.proxy;

import dev.herder.agent.ControlPlane;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EventReport;
import dev.herder.protocol.wire.ServiceRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Tcp;

/**
 * The node's service proxy. For every port of every service it listens on the node's address (the service's
 * port, and for a NodePort service its node port too) and hands each connection to a ready endpoint. The
 * Master sends the routes whole; listeners are opened and closed as services come and go, and an endpoint
 * change only swaps the listener's targets. A port that cannot be had (another process or service holds it)
 * is reported as a Warning event of the service, and tried again with the next routes (at least every resync).
 */
public final class ServiceProxy extends AbstractBehavior<ServiceProxy.Command> {
    /** Messages of the proxy. */
    public interface Command {
    }

    /** The routes the Master sent. */
    public record Update(ServiceRoutes routes) implements Command {
    }

    private record Bound(int port, Listener listener, Tcp.ServerBinding binding, Throwable failure) implements Command {
    }

    /** What one port should serve: a service's port, as its port or its node port. */
    private record Wanted(ServiceRoutes.Route route, ServiceRoutes.Port port, boolean nodePort) {
        String describe() {
            return (nodePort ? "node port" : "port") + " " + (port.name() == null ? "" : port.name() + " ")
                    + "of service " + route.namespace() + "/" + route.name();
        }
    }

    private record Open(Listener listener, Wanted wanted, CompletionStage<Tcp.ServerBinding> binding) {
    }

    private final String address;
    private final String nodeName;
    private final ControlPlane controlPlane;
    private final Duration connectTimeout;
    private final Tcp tcp;
    private final Materializer materializer;
    private final Map<Integer, Open> open = new HashMap<>();
    private long version;

    private ServiceProxy(ActorContext<Command> context, String address, String nodeName, ControlPlane controlPlane,
                         Duration connectTimeout) {
        super(context);
        this.address = address;
        this.nodeName = nodeName;
        this.controlPlane = controlPlane;
        this.connectTimeout = connectTimeout;
        this.tcp = Tcp.get(context.getSystem());
        this.materializer = Materializer.createMaterializer(context);
    }

    public static Behavior<Command> create(String address, String nodeName, ControlPlane controlPlane,
                                           Duration connectTimeout) {
        return Behaviors.setup(ctx -> new ServiceProxy(ctx, address, nodeName, controlPlane, connectTimeout));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Update.class, this::onUpdate)
                .onMessage(Bound.class, this::onBound)
                .build();
    }

    private Behavior<Command> onUpdate(Update update) {
        if (update.routes().version() <= version) {
            return this;
        }
        version = update.routes().version();
        Map<Integer, Wanted> wanted = new LinkedHashMap<>();
        for (ServiceRoutes.Route route : update.routes().routes()) {
            for (ServiceRoutes.Port port : route.ports()) {
                want(wanted, new Wanted(route, port, false), port.port());
                if (port.nodePort() != null) {
                    want(wanted, new Wanted(route, port, true), port.nodePort());
                }
            }
        }
        open.entrySet().removeIf(e -> {
            Wanted w = wanted.get(e.getKey());
            boolean keep = w != null && sameService(w, e.getValue().wanted());
            if (!keep) {
                e.getValue().binding().thenAccept(Tcp.ServerBinding::unbind);
                getContext().getLog().info("proxy {}: no longer listening on {}:{} ({})", nodeName, address, e.getKey(),
                        e.getValue().wanted().describe());
            }
            return !keep;
        });
        wanted.forEach((port, w) -> {
            Target target = Target.of(w.route(), w.port());
            Open existing = open.get(port);
            if (existing != null) {
                existing.listener().target(target);
                open.put(port, new Open(existing.listener(), w, existing.binding()));
                return;
            }
            Listener listener = new Listener(tcp, materializer, connectTimeout);
            listener.target(target);
            CompletionStage<Tcp.ServerBinding> binding = listener.bind(address, port);
            open.put(port, new Open(listener, w, binding));
            getContext().pipeToSelf(binding, (b, failure) -> new Bound(port, listener, b, failure));
        });
        return this;
    }

    /** The first service to want a port has it; a second is told, with an event, that it cannot. */
    private void want(Map<Integer, Wanted> wanted, Wanted w, int port) {
        Wanted holder = wanted.putIfAbsent(port, w);
        if (holder != null && !sameService(holder, w)) {
            report(w, "PortConflict", "node " + nodeName + " cannot listen on " + address + ":" + port + " for the "
                    + w.describe() + ": the " + holder.describe() + " has it");
        }
    }

    private static boolean sameService(Wanted a, Wanted b) {
        return a.route().uid().equals(b.route().uid()) && a.nodePort() == b.nodePort()
                && java.util.Objects.equals(a.port().name(), b.port().name());
    }

    private Behavior<Command> onBound(Bound bound) {
        Open current = open.get(bound.port());
        if (bound.failure() == null) {
            if (current == null || current.listener() != bound.listener()) {
                bound.binding().unbind(); // no longer wanted while it was being opened
            } else {
                getContext().getLog().info("proxy {}: listening on {}:{} for the {}", nodeName, address, bound.port(),
                        current.wanted().describe());
            }
            return this;
        }
        if (current != null && current.listener() == bound.listener()) {
            open.remove(bound.port());
            String cause = bound.failure().getCause() != null ? bound.failure().getCause().getMessage()
                    : bound.failure().getMessage();
            getContext().getLog().warn("proxy {}: cannot listen on {}:{} for the {}: {}", nodeName, address,
                    bound.port(), current.wanted().describe(), cause);
            report(current.wanted(), "FailedToListen", "node " + nodeName + " cannot listen on " + address + ":"
                    + bound.port() + " for the " + current.wanted().describe() + ": " + cause
                    + " (another process or pod holds it?); retried with the next routes");
        }
        return this;
    }

    private void report(Wanted w, String reason, String message) {
        ServiceRoutes.Route r = w.route();
        controlPlane.tellService(r.namespace() + "/" + r.name(), new EventReport(Service.KIND, r.namespace(),
                r.name(), r.uid(), null, EventReport.PROXY, nodeName, "Warning", reason, message,
                Instant.now().toString()));
    }
}
