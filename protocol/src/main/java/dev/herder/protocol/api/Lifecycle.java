package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Hooks run after a container starts and before it stops. */
public record Lifecycle(
    LifecycleHandler postStart,
    LifecycleHandler preStop) {}
