package dev.herder.agent.proxy;

import dev.herder.protocol.wire.ServiceRoutes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one listener's connections go now: the ready backends of a service port and how a client is given
 * one. Immutable: an endpoint change swaps in a new Target, connections already made keep theirs.
 */
public record Target(List<ServiceRoutes.Backend> backends, boolean clientIpAffinity) {
    static final Target NONE = new Target(List.of(), false);

    public static Target of(ServiceRoutes.Route route, ServiceRoutes.Port port) {
        return new Target(List.copyOf(port.backends()), "ClientIP".equals(route.sessionAffinity()));
    }

    /**
     * The backends to try for a new connection, in order: round robin starts each connection at the next one;
     * ClientIP affinity starts every connection of one client address at the same one. The others follow, so a
     * backend that refuses the connection is passed over for the next.
     */
    List<ServiceRoutes.Backend> order(InetAddress client, AtomicLong counter) {
        int n = backends.size();
        if (n == 0) {
            return List.of();
        }
        long start = clientIpAffinity ? Math.floorMod(client.getHostAddress().hashCode(), n)
                : Math.floorMod(counter.getAndIncrement(), n);
        List<ServiceRoutes.Backend> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(backends.get((int) ((start + i) % n)));
        }
        return out;
    }
}
