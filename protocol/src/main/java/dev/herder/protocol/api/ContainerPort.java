package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A port a container listens on; hostPort publishes it on the node's address. */
public record ContainerPort(
    String name,
    Integer containerPort,
    Integer hostPort,
    String hostIP,
    String protocol) {}
