package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Which pods a service fronts, and on which ports. */
public record ServiceSpec(
    Map<String, String> selector,
    List<ServicePort> ports,
    String type,
    String clusterIP,
    String sessionAffinity) {}
