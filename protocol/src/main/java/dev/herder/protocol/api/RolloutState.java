package dev.herder.protocol.api;

/**
 * Where a replication controller's latest rollout stands (Herder's): the revision and template hash it rolls
 * to, its phase (Progressing, Complete, Failed, RolledBack), why, when it last made progress, and, for a
 * rollback, the revision it left.
 */
public record RolloutState(
    Long revision,
    String templateHash,
    String phase,
    String message,
    String lastProgressTime,
    Long rolledBackFrom) {

    public static final String PROGRESSING = "Progressing";
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";
    public static final String ROLLED_BACK = "RolledBack";
}
