package dev.herder.controlplane.scheduling;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a pod takes from a node, read once from its spec so that filtering a thousand nodes parses
 * nothing.
 *
 * <p>Kubernetes' rules: a container's request for a resource defaults to its limit when it gives a
 * limit but no request, and to 0 when it gives neither. A pod requests the sum over its containers,
 * or the largest init container's request if that is more (init containers run one at a time, before
 * the others). The scoring figures are the same sums with containers that request nothing counted as
 * {@value #DEFAULT_SCORING_MILLI_CPU}m cpu and {@value #DEFAULT_SCORING_MEMORY_BYTES} bytes of memory,
 * so that pods without requests still spread by load; they never decide whether a pod fits.
 *
 * @param milliCpu cpu requested, in millicores
 * @param memoryBytes memory requested, in bytes
 * @param scoringMilliCpu cpu counted when scoring nodes
 * @param scoringMemoryBytes memory counted when scoring nodes
 * @param hostPorts ports the pod binds on the node's address; with hostNetwork, a containerPort
 *     without hostPort counts as a host port of the same number (Kubernetes' defaulting)
 * @param controllerUid uid of the owner reference marked {@code controller: true}, or null
 */
public record PodRequests(long milliCpu, long memoryBytes, long scoringMilliCpu, long scoringMemoryBytes,
                          List<HostPort> hostPorts, String controllerUid) {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    /** Kubernetes' DefaultMilliCPURequest, used only for scoring. */
    public static final long DEFAULT_SCORING_MILLI_CPU = 100;
    /** Kubernetes' DefaultMemoryRequest (200Mi), used only for scoring. */
    public static final long DEFAULT_SCORING_MEMORY_BYTES = 200L * 1024 * 1024;
    /** A pod with no containers, ports or owner. */
    public static final PodRequests NONE = new PodRequests(0, 0, 0, 0, List.of(), null);

    public PodRequests {
        hostPorts = List.copyOf(hostPorts);
    }

    /**
     * Reads a pod's requests.
     *
     * @throws IllegalArgumentException naming the container and field when a quantity is not valid
     */
    public static PodRequests of(Pod pod) {
        PodSpec spec = pod.spec();
        if (spec == null) {
            return NONE.withController(controllerOf(pod));
        }
        long[] main = sum(spec.containers());
        long[] init = maxOf(spec.initContainers());
        return new PodRequests(Math.max(main[0], init[0]), Math.max(main[1], init[1]),
                Math.max(main[2], init[2]), Math.max(main[3], init[3]),
                hostPorts(spec), controllerOf(pod));
    }

    private PodRequests withController(String uid) {
        return new PodRequests(milliCpu, memoryBytes, scoringMilliCpu, scoringMemoryBytes, hostPorts, uid);
    }

    private static long[] sum(List<Container> containers) {
        long[] total = new long[4];
        for (Container c : containers == null ? List.<Container>of() : containers) {
            long[] r = of(c);
            for (int i = 0; i < total.length; i++) {
                total[i] += r[i];
            }
        }
        return total;
    }

    private static long[] maxOf(List<Container> containers) {
        long[] max = new long[4];
        for (Container c : containers == null ? List.<Container>of() : containers) {
            long[] r = of(c);
            for (int i = 0; i < max.length; i++) {
                max[i] = Math.max(max[i], r[i]);
            }
        }
        return max;
    }

    /** {cpu, memory, scoring cpu, scoring memory} of one container. */
    private static long[] of(Container c) {
        String cpu = request(c, CPU);
        String memory = request(c, MEMORY);
        long milli = cpu == null ? 0 : parse(c, CPU, cpu, true);
        long bytes = memory == null ? 0 : parse(c, MEMORY, memory, false);
        return new long[] {milli, bytes,
                cpu == null ? DEFAULT_SCORING_MILLI_CPU : milli,
                memory == null ? DEFAULT_SCORING_MEMORY_BYTES : bytes};
    }

    private static String request(Container c, String resource) {
        if (c.resources() == null) {
            return null;
        }
        String requested = get(c.resources().requests(), resource);
        return requested != null ? requested : get(c.resources().limits(), resource);
    }

    private static String get(Map<String, String> map, String key) {
        return map == null ? null : map.get(key);
    }

    private static long parse(Container c, String resource, String text, boolean millis) {
        try {
            return millis ? Quantity.millis(text) : Quantity.units(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            String field = get(c.resources().requests(), resource) != null ? "requests" : "limits";
            throw new IllegalArgumentException("container '" + c.name() + "' resources." + field + "." + resource
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<HostPort> hostPorts(PodSpec spec) {
        if (spec.containers() == null) {
            return List.of();
        }
        boolean hostNetwork = Boolean.TRUE.equals(spec.hostNetwork());
        List<HostPort> ports = new ArrayList<>(0);
        for (Container c : spec.containers()) {
            for (ContainerPort p : c.ports() == null ? List.<ContainerPort>of() : c.ports()) {
                Integer port = p.hostPort() != null ? p.hostPort() : hostNetwork ? p.containerPort() : null;
                if (port != null && port > 0) {
                    ports.add(new HostPort(p.protocol(), port, p.hostIP()));
                }
            }
        }
        return ports;
    }

    private static String controllerOf(Pod pod) {
        if (pod.metadata() == null || pod.metadata().ownerReferences() == null) {
            return null;
        }
        for (OwnerReference ref : pod.metadata().ownerReferences()) {
            if (Boolean.TRUE.equals(ref.controller()) && ref.uid() != null) {
                return ref.uid();
            }
        }
        return null;
    }
}
