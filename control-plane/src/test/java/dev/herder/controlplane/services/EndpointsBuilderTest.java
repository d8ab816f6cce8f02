package dev.herder.controlplane.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.wire.ServiceCommand;
import dev.herder.protocol.wire.ServiceRoutes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Endpoints and routes from a service's backends: ports resolved per pod, ready and not ready apart. */
class EndpointsBuilderTest {
    private static Service service(String affinity, ServicePort... ports) {
        return new Service("v1", Service.KIND, new ObjectMeta("web", null, "default", null, null, "svc-uid", "1", 1L,
                null, null, null), new ServiceSpec(Map.of("app", "web"), List.of(ports), "ClusterIP", null, affinity), null);
    }

    private static ServiceCommand.Backend backend(String pod, String ip, boolean ready, Map<String, Integer> named) {
        return new ServiceCommand.Backend(pod, pod + "-uid", "node-" + ip.substring(ip.length() - 1), ip, ready, named);
    }

    @Test
    void aNamedTargetPortResolvesPerPodAndPodsWithoutItServeOnlyTheOtherPorts() {
        Service svc = service(null, new ServicePort("http", null, 80, IntOrString.of("http"), null),
                new ServicePort("admin", null, 9090, null, null));
        List<EndpointSubset> subsets = EndpointsBuilder.subsets(svc, List.of(
                backend("b", "127.0.0.3", true, Map.of("http", 8080)),
                backend("a", "127.0.0.2", true, Map.of("http", 8080)),
                backend("c", "127.0.0.4", false, Map.of("http", 8080)),
                backend("d", "127.0.0.5", true, Map.of("web", 8081))));
        assertEquals(2, subsets.size());
        EndpointSubset both = subsets.get(0);
        assertEquals(List.of("a", "b"), both.addresses().stream().map(x -> x.targetRef().name()).toList());
        assertEquals(List.of("c"), both.notReadyAddresses().stream().map(x -> x.targetRef().name()).toList());
        assertEquals(List.of("http:8080/TCP", "admin:9090/TCP"), both.ports().stream()
                .map(p -> p.name() + ":" + p.port() + "/" + p.protocol()).toList());
        EndpointSubset adminOnly = subsets.get(1);
        assertEquals(List.of("d"), adminOnly.addresses().stream().map(x -> x.targetRef().name()).toList());
        assertNull(adminOnly.notReadyAddresses());
        assertEquals(List.of("admin:9090"), adminOnly.ports().stream().map(p -> p.name() + ":" + p.port()).toList());

        ServiceRoutes.Route route = EndpointsBuilder.route(svc, subsets);
        assertEquals("None", route.sessionAffinity());
        assertEquals(List.of("a@127.0.0.2:8080", "b@127.0.0.3:8080"), route.ports().get(0).backends().stream()
                .map(b -> b.pod() + "@" + b.ip() + ":" + b.port()).toList(), "only the ready ones take traffic");
        assertEquals(List.of("a", "b", "d"), route.ports().get(1).backends().stream().map(ServiceRoutes.Backend::pod)
                .toList());
    }

    @Test
    void aNumericTargetPortIsTheSameForEveryPodAndNoBackendsMeanNoSubsets() {
        Service svc = service("ClientIP", new ServicePort(null, null, 80, IntOrString.of(8080), 30080));
        assertEquals(List.of(), EndpointsBuilder.subsets(svc, List.of()));
        List<EndpointSubset> subsets = EndpointsBuilder.subsets(svc, List.of(backend("a", "127.0.0.2", true, Map.of())));
        assertEquals(8080, subsets.get(0).ports().get(0).port());
        ServiceRoutes.Route route = EndpointsBuilder.route(svc, subsets);
        assertEquals("ClientIP", route.sessionAffinity());
        assertEquals(Integer.valueOf(30080), route.ports().get(0).nodePort());
        assertEquals(80, route.ports().get(0).port());
    }
}
