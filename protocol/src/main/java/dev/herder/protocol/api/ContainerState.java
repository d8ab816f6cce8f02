package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** One of waiting, running or terminated. */
public record ContainerState(
    ContainerStateWaiting waiting,
    ContainerStateRunning running,
    ContainerStateTerminated terminated) {}
