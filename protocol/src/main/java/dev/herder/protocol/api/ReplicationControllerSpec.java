package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** How many copies of which pod template; desired state. */
public record ReplicationControllerSpec(
    Integer replicas,
    Integer minReadySeconds,
    Map<String, String> selector,
    PodTemplateSpec template) {}
