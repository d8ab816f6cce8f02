package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Desired state of a node. */
public record NodeSpec(
    Boolean unschedulable,
    String podCIDR,
    String providerID) {}
