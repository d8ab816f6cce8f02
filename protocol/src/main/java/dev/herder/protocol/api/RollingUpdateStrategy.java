package dev.herder.protocol.api;

/**
 * How a replication controller replaces its pods when its template changes (Herder's; Kubernetes has it on
 * Deployments): type RollingUpdate, with at most maxUnavailable pods below replicas and maxSurge above them
 * at any time (each a number or a percentage of replicas; defaults 0 and 1).
 */
public record RollingUpdateStrategy(String type, RollingUpdateParameters rollingUpdate) {
    public static final String ROLLING_UPDATE = "RollingUpdate";
}
