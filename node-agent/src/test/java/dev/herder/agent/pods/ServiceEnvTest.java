package dev.herder.agent.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.protocol.wire.ServiceRoutes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvTest {
    private static ServiceRoutes.Route route(String namespace, String name, ServiceRoutes.Port... ports) {
        return new ServiceRoutes.Route(namespace, name, name + "-uid", "None", List.of(ports));
    }

    @Test
    void servicesOfThePodsNamespaceAreVariablesOfTheNodesAddressAndTheirPorts() {
        Map<String, String> env = ServiceEnv.of("default", "127.0.0.2", List.of(
                route("default", "redis-master", new ServiceRoutes.Port(null, 6379, null, List.of())),
                route("default", "web", new ServiceRoutes.Port("http", 80, 30080, List.of()),
                        new ServiceRoutes.Port("admin", 9090, null, List.of())),
                route("prod", "db", new ServiceRoutes.Port(null, 5432, null, List.of()))));
        assertEquals(Map.of(
                "REDIS_MASTER_SERVICE_HOST", "127.0.0.2", "REDIS_MASTER_SERVICE_PORT", "6379",
                "WEB_SERVICE_HOST", "127.0.0.2", "WEB_SERVICE_PORT", "80", "WEB_SERVICE_PORT_HTTP", "80",
                "WEB_SERVICE_PORT_ADMIN", "9090"), env);
    }
}
