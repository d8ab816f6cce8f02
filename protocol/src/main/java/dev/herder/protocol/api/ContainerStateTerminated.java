package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A container that ended. */
public record ContainerStateTerminated(
    Integer exitCode,
    Integer signal,
    String reason,
    String message,
    String startedAt,
    String finishedAt,
    String containerID) {}
