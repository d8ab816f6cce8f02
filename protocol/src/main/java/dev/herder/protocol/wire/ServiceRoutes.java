package dev.herder.protocol.wire;

import java.util.List;

/**
 * Every service's ports and where their connections go, as the Master last computed them from the
 * endpoints; each agent's proxy listens for each port and forwards to the backends. Sent whole (it is small
 * next to the pods) when it changes and on every resync; an agent ignores a version not above the last.
 */
public record ServiceRoutes(long version, List<Route> routes) implements AgentCommand {

    /** One service: its ports and how a client is given a backend (None: round robin; ClientIP: sticky). */
    public record Route(String namespace, String name, String uid, String sessionAffinity, List<Port> ports) {
    }

    /**
     * One port of a service: port is where the proxy listens on the node's address, nodePort (NodePort services)
     * a second place it listens; backends are the ready endpoints, in a stable order.
     */
    public record Port(String name, int port, Integer nodePort, List<Backend> backends) {
    }

    /** A ready pod serving the port. */
    public record Backend(String ip, int port, String pod) {
    }
}
