package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A pod condition such as PodScheduled or Ready. */
public record PodCondition(
    String type,
    String status,
    String reason,
    String message,
    String lastProbeTime,
    String lastTransitionTime) {}
