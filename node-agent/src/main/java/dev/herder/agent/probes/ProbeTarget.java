package dev.herder.agent.probes;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.IntOrString;
import java.util.List;

/**
 * The address an httpGet or tcpSocket probe connects to. The port is a number or the name of one of the
 * container's ports (like the kubelet, a name that is no port but reads as a number is taken as that number);
 * the host is the probe's own when set, else the pod's address (with host networking, the node's address).
 */
public record ProbeTarget(String host, int port) {

    static final int MAX_PORT = 65535;

    /** What resolving a probe's port and host came to. */
    public sealed interface Resolution permits Resolved, Unresolved {
    }

    /** The probe can be run against this target. */
    public record Resolved(ProbeTarget target) implements Resolution {
    }

    /** The probe cannot be run; reason says which port or host is wrong. */
    public record Unresolved(String reason) implements Resolution {
    }

    /** Resolves a probe's port and host against its container and the pod's address. */
    public static Resolution resolve(IntOrString port, String host, Container container, String podAddress) {
        String address = host != null && !host.isBlank() ? host : podAddress;
        if (address == null || address.isBlank()) {
            return new Unresolved("the probe has no host and the pod has no address yet");
        }
        if (port == null) {
            return new Unresolved("the probe names no port");
        }
        Integer number = port.isInt() ? port.intValue() : byName(port.stringValue(), container);
        if (number == null) {
            return new Unresolved("port " + quoted(port.stringValue()) + " is not one of container "
                    + quoted(container.name()) + "'s ports (spec.containers[].ports[].name)");
        }
        if (number < 1 || number > MAX_PORT) {
            return new Unresolved("port " + number + " is out of range 1.." + MAX_PORT);
        }
        return new Resolved(new ProbeTarget(address, number));
    }

    /** host:port, with an IPv6 address in brackets, as it appears in a URL. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static Integer byName(String name, Container container) {
        List<ContainerPort> ports = container.ports() == null ? List.of() : container.ports();
        for (ContainerPort p : ports) {
            if (p != null && name.equals(p.name()) && p.containerPort() != null) {
                return p.containerPort();
            }
        }
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
