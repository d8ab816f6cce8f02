package dev.herder.controlplane.services;

import dev.herder.protocol.api.EndpointAddress;
import dev.herder.protocol.api.EndpointPort;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ObjectReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.wire.ServiceCommand;
import dev.herder.protocol.wire.ServiceRoutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's endpoints from its backends, and the routes agents proxy by. Pure. Each service port's
 * targetPort (none: the port itself; a number; a container port's name) is resolved per pod; a pod that
 * lacks a named port serves no traffic on that port. Pods that resolve to the same ports form one subset.
 */
public final class EndpointsBuilder {
    private static final String TCP = "TCP";
    private static final Comparator<EndpointAddress> BY_POD = Comparator
            .comparing((EndpointAddress a) -> a.targetRef().name()).thenComparing(EndpointAddress::ip);

    private EndpointsBuilder() {
    }

    public static List<EndpointSubset> subsets(Service service, List<ServiceCommand.Backend> backends) {
        List<ServicePort> ports = service.spec() == null || service.spec().ports() == null ? List.of()
                : service.spec().ports();
        Map<List<EndpointPort>, List<ServiceCommand.Backend>> byPorts = new LinkedHashMap<>();
        for (ServiceCommand.Backend b : backends.stream().sorted(Comparator.comparing(ServiceCommand.Backend::pod))
                .toList()) {
            List<EndpointPort> resolved = new ArrayList<>();
            for (ServicePort p : ports) {
                Integer target = resolve(p, b);
                if (target != null) {
                    resolved.add(new EndpointPort(p.name(), target, p.protocol() == null ? TCP : p.protocol()));
                }
            }
            if (!resolved.isEmpty()) {
                byPorts.computeIfAbsent(resolved, k -> new ArrayList<>()).add(b);
            }
        }
        List<EndpointSubset> subsets = new ArrayList<>();
        byPorts.forEach((resolved, members) -> {
            List<EndpointAddress> ready = new ArrayList<>();
            List<EndpointAddress> notReady = new ArrayList<>();
            for (ServiceCommand.Backend b : members) {
                EndpointAddress address = new EndpointAddress(b.ip(), null, b.nodeName(),
                        new ObjectReference(Pod.KIND, service.metadata().namespace(), b.pod(), b.uid(), null, null, null));
                (b.ready() ? ready : notReady).add(address);
            }
            ready.sort(BY_POD);
            notReady.sort(BY_POD);
            subsets.add(new EndpointSubset(ready.isEmpty() ? null : ready, notReady.isEmpty() ? null : notReady,
                    resolved));
        });
        return subsets;
    }

    /** The port a backend serves a service port on, or null when it has no such named port. */
    static Integer resolve(ServicePort port, ServiceCommand.Backend backend) {
        IntOrString target = port.targetPort();
        if (target == null) {
            return port.port();
        }
        if (target.isInt()) {
            return target.intValue();
        }
        return backend.namedPorts() == null ? null : backend.namedPorts().get(target.stringValue());
    }

    /** The service's ports, each with the ready addresses that serve it, as an agent's proxy needs them. */
    public static ServiceRoutes.Route route(Service service, List<EndpointSubset> subsets) {
        List<ServiceRoutes.Port> ports = new ArrayList<>();
        for (ServicePort p : service.spec().ports()) {
            List<ServiceRoutes.Backend> backends = new ArrayList<>();
            for (EndpointSubset s : subsets) {
                if (s.addresses() == null) {
                    continue;
                }
                s.ports().stream().filter(ep -> java.util.Objects.equals(ep.name(), p.name())).findFirst()
                        .ifPresent(ep -> s.addresses().forEach(a -> backends.add(new ServiceRoutes.Backend(a.ip(),
                                ep.port(), a.targetRef().name()))));
            }
            backends.sort(Comparator.comparing(ServiceRoutes.Backend::pod).thenComparing(ServiceRoutes.Backend::ip));
            ports.add(new ServiceRoutes.Port(p.name(), p.port(), p.nodePort(), backends));
        }
        String affinity = service.spec().sessionAffinity() == null ? "None" : service.spec().sessionAffinity();
        return new ServiceRoutes.Route(service.metadata().namespace(), service.metadata().name(),
                service.metadata().uid(), affinity, ports);
    }
}
