package dev.herder.protocol.api;

/** One pod behind a service: its address, its node, and the pod itself. */
public record EndpointAddress(String ip, String hostname, String nodeName, ObjectReference targetRef) {
}
