package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** What a node's agent reported: capacity, conditions, addresses. */
public record NodeStatus(
    Map<String, String> capacity,
    Map<String, String> allocatable,
    List<NodeCondition> conditions,
    List<NodeAddress> addresses,
    NodeSystemInfo nodeInfo) {}
