package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** An environment variable, given as a value or taken from the pod (downward API). */
public record EnvVar(
    String name,
    String value,
    EnvVarSource valueFrom) {}
