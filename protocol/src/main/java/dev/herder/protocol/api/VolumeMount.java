package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Where a pod volume appears inside a container. */
public record VolumeMount(
    String name,
    String mountPath,
    Boolean readOnly,
    String subPath) {}
