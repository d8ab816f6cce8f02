package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** The pod a controller stamps out. */
public record PodTemplateSpec(
    ObjectMeta metadata,
    PodSpec spec) {}
