package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A container that is not running yet, and why. */
public record ContainerStateWaiting(
    String reason,
    String message) {}
