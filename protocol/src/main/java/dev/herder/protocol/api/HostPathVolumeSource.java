package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A folder of the node, mounted into the pod. */
public record HostPathVolumeSource(
    String path,
    String type) {}
