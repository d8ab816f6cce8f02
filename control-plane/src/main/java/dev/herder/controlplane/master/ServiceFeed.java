package dev.herder.controlplane.master;

import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.services.Backends;
import dev.herder.controlplane.services.EndpointsBuilder;
import dev.herder.controlplane.services.ServiceCommands;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.AgentCommand;
import dev.herder.protocol.wire.ServiceRoutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Services: tells each Service's entity its backends (the pods its selector matches), which it keeps as the
 * Endpoints object, and tells every agent the routes its proxy serves, computed from the same backends, so a
 * pod that stops being Ready leaves every proxy without waiting for the Endpoints write. Each only when it
 * changed, and again on every resync.
 */
final class ServiceFeed {
    private final ActorSystem<?> system;
    private final ActorRefResolver resolver;
    private final Map<String, ServiceCommands.ObservedBackends> lastSent = new HashMap<>();
    /** Per agent (actor path): the routes it was last sent. */
    private final Map<String, List<ServiceRoutes.Route>> routesSent = new HashMap<>();
    private long version = System.currentTimeMillis() * 1000;

    ServiceFeed(ActorSystem<?> system) {
        this.system = system;
        this.resolver = ActorRefResolver.get(system);
    }

    void forgetSent() {
        lastSent.clear();
        routesSent.clear();
    }

    void send(ClusterView view) {
        List<ServiceRoutes.Route> routes = new ArrayList<>();
        // one pass over the pods groups them by namespace: a service looks only at its own namespace's
        Map<String, List<dev.herder.protocol.api.Pod>> byNamespace = new HashMap<>();
        if (!view.services().isEmpty()) {
            view.pods().forEach(p -> byNamespace.computeIfAbsent(p.metadata().namespace(), n -> new ArrayList<>()).add(p));
        }
        view.services().forEach((key, service) -> {
            List<ServiceCommands.Backend> backends = Backends.of(service,
                    byNamespace.getOrDefault(service.metadata().namespace(), List.of()), view.nodes());
            ServiceCommands.ObservedBackends observed = new ServiceCommands.ObservedBackends(service.metadata().uid(),
                    service.metadata().generation() == null ? 1 : service.metadata().generation(), backends);
            if (!observed.equals(lastSent.get(key))) {
                Entities.ref(system, Service.KIND, key).tell(observed);
                lastSent.put(key, observed);
            }
            routes.add(EndpointsBuilder.route(service, EndpointsBuilder.subsets(service, backends)));
        });
        lastSent.keySet().retainAll(view.services().keySet());
        routes.sort(Comparator.comparing(ServiceRoutes.Route::namespace).thenComparing(ServiceRoutes.Route::name));
        Map<String, List<ServiceRoutes.Route>> sent = new HashMap<>();
        for (Node node : view.nodes().values()) {
            String path = node.metadata().annotations() == null ? null
                    : node.metadata().annotations().get(Node.AGENT_ANNOTATION);
            if (path == null) {
                continue;
            }
            if (!routes.equals(routesSent.get(path))) {
                version = Math.max(version + 1, System.currentTimeMillis() * 1000);
                ActorRef<AgentCommand> agent = resolver.resolveActorRef(path);
                agent.tell(new ServiceRoutes(version, routes));
            }
            sent.put(path, routes);
        }
        routesSent.clear();
        routesSent.putAll(sent);
    }
}
