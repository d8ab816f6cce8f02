package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** One port of a service. */
public record ServicePort(
    String name,
    String protocol,
    Integer port,
    IntOrString targetPort,
    Integer nodePort) {}
