package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A field of the pod, such as metadata.name or status.hostIP. */
public record ObjectFieldSelector(
    String apiVersion,
    String fieldPath) {}
