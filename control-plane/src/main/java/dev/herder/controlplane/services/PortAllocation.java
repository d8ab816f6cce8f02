package dev.herder.controlplane.services;

import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which service holds each service port and node port of the cluster, as the Master decides before a service
 * is stored: every node's proxy listens on them all, so each serves one service. What the store has (the
 * services the Master sees) counts, and so do the reservations granted lately that the Master has not seen
 * stored yet (for at most {@link #HELD}). A NodePort service that names no node port keeps the one it has, or
 * gets the lowest free one of the range. Pure but for the reservations it keeps.
 */
public final class PortAllocation {
    static final Duration HELD = Duration.ofSeconds(30);
    private static final String NODE_PORT = "NodePort";

    private record Held(List<ServicePort> ports, Instant at) {
    }

    private final int first;
    private final int last;
    private final Map<String, Held> reserved = new HashMap<>();

    /** @param range "30000-32767" */
    public PortAllocation(String range) {
        String[] ends = range.split("-");
        this.first = Integer.parseInt(ends[0].strip());
        this.last = Integer.parseInt(ends[1].strip());
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("herder.control-plane.services.node-port-range must be like"
                    + " 30000-32767, was " + range);
        }
    }

    /** The service's ports with node ports set, or an exception naming what is taken. */
    public List<ServicePort> reserve(String key, String type, List<ServicePort> ports, Map<String, Service> stored,
                                     Instant now) {
        reserved.values().removeIf(h -> h.at().plus(HELD).isBefore(now));
        Map<Integer, String> servicePorts = new HashMap<>();
        Map<Integer, String> nodePorts = new HashMap<>();
        stored.forEach((k, s) -> {
            if (!k.equals(key) && s.spec() != null && s.spec().ports() != null) {
                take(k, s.spec().ports(), servicePorts, nodePorts);
            }
        });
        reserved.forEach((k, h) -> {
            if (!k.equals(key)) {
                take(k, h.ports(), servicePorts, nodePorts);
            }
        });
        Service mine = stored.get(key);
        List<ServicePort> had = mine == null || mine.spec() == null || mine.spec().ports() == null ? List.of()
                : mine.spec().ports();
        List<String> problems = new ArrayList<>();
        Set<Integer> chosen = new HashSet<>();
        List<ServicePort> out = new ArrayList<>();
        for (ServicePort p : ports) {
            String holder = p.port() == null ? null
                    : servicePorts.containsKey(p.port()) ? servicePorts.get(p.port()) : nodePorts.get(p.port());
            if (holder != null) {
                problems.add("port " + p.port() + " is already used by service " + holder);
            }
            Integer nodePort = p.nodePort();
            if (NODE_PORT.equals(type)) {
                if (nodePort == null) {
                    nodePort = had.stream().filter(h -> Objects.equals(h.name(), p.name())
                                    && Objects.equals(h.port(), p.port()) && h.nodePort() != null
                                    && !nodePorts.containsKey(h.nodePort()))
                            .map(ServicePort::nodePort).findFirst().orElse(null);
                }
                if (nodePort == null) {
                    nodePort = free(nodePorts, servicePorts, chosen);
                    if (nodePort == null) {
                        problems.add("no node port is free in " + first + "-" + last);
                    }
                } else if (nodePort < first || nodePort > last) {
                    problems.add("node port " + nodePort + " is outside the node port range " + first + "-" + last);
                } else if (nodePorts.containsKey(nodePort) || servicePorts.containsKey(nodePort)) {
                    problems.add("node port " + nodePort + " is already used by service "
                            + (nodePorts.containsKey(nodePort) ? nodePorts.get(nodePort) : servicePorts.get(nodePort)));
                }
                if (nodePort != null) {
                    chosen.add(nodePort);
                }
            }
            out.add(new ServicePort(p.name(), p.protocol(), p.port(), p.targetPort(), nodePort));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        reserved.put(key, new Held(out, now));
        return out;
    }

    /** A reservation the Master now sees stored holds nothing more: the stored service does. */
    public void seen(Map<String, Service> stored) {
        reserved.entrySet().removeIf(e -> {
            Service s = stored.get(e.getKey());
            return s != null && s.spec() != null && e.getValue().ports().equals(s.spec().ports());
        });
    }

    private static void take(String key, List<ServicePort> ports, Map<Integer, String> servicePorts,
                             Map<Integer, String> nodePorts) {
        for (ServicePort p : ports) {
            if (p.port() != null) {
                servicePorts.putIfAbsent(p.port(), key);
            }
            if (p.nodePort() != null) {
                nodePorts.putIfAbsent(p.nodePort(), key);
            }
        }
    }

    private Integer free(Map<Integer, String> nodePorts, Map<Integer, String> servicePorts, Set<Integer> chosen) {
        for (int port = first; port <= last; port++) {
            if (!nodePorts.containsKey(port) && !servicePorts.containsKey(port) && !chosen.contains(port)) {
                return port;
            }
        }
        return null;
    }
}
