package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A running container. */
public record ContainerStateRunning(
    String startedAt) {}
