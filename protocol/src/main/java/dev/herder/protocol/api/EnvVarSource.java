package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Where an environment variable's value comes from. */
public record EnvVarSource(
    ObjectFieldSelector fieldRef) {}
