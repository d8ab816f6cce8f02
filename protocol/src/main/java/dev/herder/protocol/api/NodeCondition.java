package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A node condition such as Ready. */
public record NodeCondition(
    String type,
    String status,
    String reason,
    String message,
    String lastHeartbeatTime,
    String lastTransitionTime) {}
