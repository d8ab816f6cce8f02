package dev.herder.controlplane.master;

import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.services.Backends;
import dev.herder.controlplane.services.EndpointsBuilder;
import dev.herder.protocol.wire.ServiceCommand;
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
    private final Map<String, ServiceCommand.ObservedBackends> lastSent = new HashMap<>();
    /** The routes last sent (null: none yet, or a resync is due), and the agents (actor paths) they went to. */
    private List<ServiceRoutes.Route> routesSent;
    private final java.util.Set<String> sentTo = new java.util.HashSet<>();
    private long version = System.currentTimeMillis() * 1000;

    ServiceFeed(ActorSystem<?> system) {
        this.system = system;
        this.resolver = ActorRefResolver.get(system);
    }

    void forgetSent() {
        lastSent.clear();
        sentTo.clear();
        routesSent = null; // resent with a new version: a proxy retries the ports it could not have
    }

    void send(ClusterView view) {
        List<ServiceRoutes.Route> routes = new ArrayList<>();
        // one pass over the pods groups them by namespace: a service looks only at its own namespace's
        Map<String, List<dev.herder.protocol.api.Pod>> byNamespace = new HashMap<>();
        if (!view.services().isEmpty()) {
            view.pods().forEach(p -> byNamespace.computeIfAbsent(p.metadata().namespace(), n -> new ArrayList<>()).add(p));
        }
        view.services().forEach((key, service) -> {
            List<ServiceCommand.Backend> backends = Backends.of(service,
                    byNamespace.getOrDefault(service.metadata().namespace(), List.of()), view.nodes());
            ServiceCommand.ObservedBackends observed = new ServiceCommand.ObservedBackends(service, backends);
            if (!observed.equals(lastSent.get(key))) {
                Entities.service(system, key).tell(observed);
                lastSent.put(key, observed);
            }
            routes.add(EndpointsBuilder.route(service, EndpointsBuilder.subsets(service, backends)));
        });
        // a service gone from the store: its entity removes the endpoints and writes no more
        for (var it = lastSent.entrySet().iterator(); it.hasNext(); ) {
            var sent = it.next();
            Service now = view.services().get(sent.getKey());
            if (now == null || !now.metadata().uid().equals(sent.getValue().serviceUid())) {
                Entities.service(system, sent.getKey()).tell(new ServiceCommand.Gone(sent.getValue().serviceUid()));
                it.remove();
            }
        }
        routes.sort(Comparator.comparing(ServiceRoutes.Route::namespace).thenComparing(ServiceRoutes.Route::name));
        if (!routes.equals(routesSent)) {
            routesSent = routes;
            sentTo.clear();
            version = Math.max(version + 1, System.currentTimeMillis() * 1000);
        }
        // new routes go to every agent; the same ones only to an agent that has not had them (new, or restarted)
        for (Node node : view.nodes().values()) {
            String path = AgentLink.agentPath(node);
            if (path != null && sentTo.add(path)) {
                ActorRef<AgentCommand> agent = resolver.resolveActorRef(path);
                agent.tell(new ServiceRoutes(version, routes));
            }
        }
    }
}
