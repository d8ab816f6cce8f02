package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A command run inside the container. */
public record ExecAction(
    List<String> command) {}
