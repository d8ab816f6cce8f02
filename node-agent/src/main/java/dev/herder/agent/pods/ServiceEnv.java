package dev.herder.agent.pods;

import dev.herder.protocol.wire.ServiceRoutes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a pod finds services, as Kubernetes' first version had it: for each service of the pod's namespace that
 * exists when a container starts, {@code <NAME>_SERVICE_HOST} (the node's address, where its proxy listens),
 * {@code <NAME>_SERVICE_PORT} (the first port) and {@code <NAME>_SERVICE_PORT_<PORT NAME>} for named ports;
 * names upper-cased with dashes as underscores. Pure.
 */
public final class ServiceEnv {
    private ServiceEnv() {
    }

    public static Map<String, String> of(String namespace, String nodeAddress, List<ServiceRoutes.Route> routes) {
        Map<String, String> env = new LinkedHashMap<>();
        for (ServiceRoutes.Route r : routes) {
            if (!r.namespace().equals(namespace) || r.ports().isEmpty()) {
                continue;
            }
            String prefix = upper(r.name());
            env.put(prefix + "_SERVICE_HOST", nodeAddress);
            env.put(prefix + "_SERVICE_PORT", Integer.toString(r.ports().get(0).port()));
            for (ServiceRoutes.Port p : r.ports()) {
                if (p.name() != null && !p.name().isEmpty()) {
                    env.put(prefix + "_SERVICE_PORT_" + upper(p.name()), Integer.toString(p.port()));
                }
            }
        }
        return env;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
