package dev.herder.protocol.api;

/** A port the addresses of a subset serve, named as the service's port is. */
public record EndpointPort(String name, Integer port, String protocol) {
}
