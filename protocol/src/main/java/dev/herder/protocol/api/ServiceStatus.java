package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Observed state of a service (reserved). */
public record ServiceStatus(
    Map<String, Object> loadBalancer) {}
