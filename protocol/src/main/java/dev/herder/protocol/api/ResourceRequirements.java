package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** cpu and memory requests (for scheduling) and limits (for the runtime), as Kubernetes quantities. */
public record ResourceRequirements(
    Map<String, String> requests,
    Map<String, String> limits) {}
