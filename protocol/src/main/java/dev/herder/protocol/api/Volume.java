package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A pod volume: an emptyDir or a hostPath. */
public record Volume(
    String name,
    EmptyDirVolumeSource emptyDir,
    HostPathVolumeSource hostPath) {}
