package dev.herder.controlplane.scheduling;

import java.util.Locale;

/**
 * A port a pod holds on its node's address: protocol (upper case, TCP by default), port, and host
 * IP ({@value #ANY_ADDRESS} when the pod gave none, meaning every address of the node).
 */
public record HostPort(String protocol, int port, String hostIP) {
    public static final String DEFAULT_PROTOCOL = "TCP";
    public static final String ANY_ADDRESS = "0.0.0.0";
    private static final String ANY_ADDRESS_V6 = "::";

    public HostPort {
        protocol = protocol == null || protocol.isBlank() ? DEFAULT_PROTOCOL : protocol.toUpperCase(Locale.ROOT);
        hostIP = hostIP == null || hostIP.isBlank() || hostIP.equals(ANY_ADDRESS_V6) ? ANY_ADDRESS : hostIP;
    }

    /** A TCP port on every address of the node. */
    public static HostPort tcp(int port) {
        return new HostPort(DEFAULT_PROTOCOL, port, ANY_ADDRESS);
    }

    /** True when both cannot be bound on one node: same protocol and port, and same or wildcard address. */
    public boolean conflictsWith(HostPort other) {
        return port == other.port && protocol.equals(other.protocol)
                && (hostIP.equals(other.hostIP) || hostIP.equals(ANY_ADDRESS) || other.hostIP.equals(ANY_ADDRESS));
    }
}
