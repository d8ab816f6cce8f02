package dev.herder.protocol.api;

/** The bounds of a rolling update: numbers of pods, or percentages of replicas ("25%"). */
public record RollingUpdateParameters(IntOrString maxUnavailable, IntOrString maxSurge) {
}
