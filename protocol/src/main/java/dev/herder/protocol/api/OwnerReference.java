package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Points at the object that owns this one (a controller owns its pods). */
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Boolean controller,
    Boolean blockOwnerDeletion) {}
