package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A scratch folder that lives as long as the pod. */
public record EmptyDirVolumeSource(
    String medium,
    String sizeLimit) {}
