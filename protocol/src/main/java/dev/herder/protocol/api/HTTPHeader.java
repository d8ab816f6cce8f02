package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A header sent with an httpGet probe. */
public record HTTPHeader(
    String name,
    String value) {}
