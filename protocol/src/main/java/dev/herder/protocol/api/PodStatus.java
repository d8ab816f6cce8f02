package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** What an agent observed of a pod; observed state, never written by users. */
public record PodStatus(
    String phase,
    List<PodCondition> conditions,
    String message,
    String reason,
    String hostIP,
    String podIP,
    String startTime,
    List<ContainerStatus> containerStatuses) {}
