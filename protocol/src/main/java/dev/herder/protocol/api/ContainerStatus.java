package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** What the runtime observed of one container. */
public record ContainerStatus(
    String name,
    Boolean ready,
    Integer restartCount,
    String image,
    String imageID,
    String containerID,
    Boolean started,
    ContainerState state,
    ContainerState lastState) {}
