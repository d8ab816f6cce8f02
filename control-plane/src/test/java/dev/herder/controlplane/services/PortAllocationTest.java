package dev.herder.controlplane.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAllocationTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static ServicePort port(int port, Integer nodePort) {
        return new ServicePort("http", null, port, null, nodePort);
    }

    private static Service stored(String name, String type, ServicePort... ports) {
        return new Service("v1", Service.KIND, new ObjectMeta(name, null, "default", null, null, name + "-uid", "1", 1L,
                null, null, null), new ServiceSpec(Map.of("app", name), List.of(ports), type, null, null), null);
    }

    @Test
    void aNodePortServiceGetsTheLowestFreeNodePortAndKeepsItWhenAppliedAgain() {
        PortAllocation ports = new PortAllocation("30000-30002");
        Map<String, Service> store = new HashMap<>(Map.of("default/a", stored("a", "NodePort", port(80, 30000))));
        List<ServicePort> b = ports.reserve("default/b", "NodePort", List.of(port(81, null)), store, NOW);
        assertEquals(30001, b.get(0).nodePort());
        store.put("default/b", stored("b", "NodePort", b.toArray(ServicePort[]::new)));
        ports.seen(store);
        assertEquals(30001, ports.reserve("default/b", "NodePort", List.of(port(81, null)), store, NOW).get(0).nodePort(),
                "an apply without nodePort keeps the one it has");
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> {
            ports.reserve("default/c", "NodePort", List.of(port(82, null)), store, NOW);
            ports.reserve("default/d", "NodePort", List.of(port(83, null)), store, NOW);
        });
        assertEquals("no node port is free in 30000-30002", full.getMessage());
    }

    @Test
    void aPortAnotherServiceHasOrHasReservedIsRefusedNamingIt() {
        PortAllocation ports = new PortAllocation("30000-32767");
        Map<String, Service> store = Map.of("default/a", stored("a", "NodePort", port(80, 30080)));
        assertEquals("port 80 is already used by service default/a", assertThrows(IllegalArgumentException.class,
                () -> ports.reserve("default/b", "ClusterIP", List.of(port(80, null)), store, NOW)).getMessage());
        assertEquals("node port 30080 is already used by service default/a", assertThrows(
                IllegalArgumentException.class, () -> ports.reserve("default/b", "NodePort", List.of(port(81, 30080)),
                        store, NOW)).getMessage());
        assertEquals("node port 20000 is outside the node port range 30000-32767", assertThrows(
                IllegalArgumentException.class, () -> ports.reserve("default/b", "NodePort", List.of(port(81, 20000)),
                        store, NOW)).getMessage());
        ports.reserve("default/c", "ClusterIP", List.of(port(90, null)), store, NOW);
        assertEquals("port 90 is already used by service default/c", assertThrows(IllegalArgumentException.class,
                () -> ports.reserve("default/d", "ClusterIP", List.of(port(90, null)), store, NOW.plusSeconds(5)))
                .getMessage(), "a reservation not stored yet holds the port");
        assertEquals(90, ports.reserve("default/d", "ClusterIP", List.of(port(90, null)), store, NOW.plusSeconds(31))
                .get(0).port(), "one never stored is let go after 30 s");
        assertEquals(80, ports.reserve("default/a", "NodePort", List.of(port(80, 30080)), store, NOW).get(0).port(),
                "a service's own ports are its own");
    }
}
