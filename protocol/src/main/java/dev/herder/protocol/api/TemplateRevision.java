package dev.herder.protocol.api;

/** One template a replication controller has rolled out, kept for {@code herder rollout history} and undo. */
public record TemplateRevision(Long revision, String templateHash, PodTemplateSpec template, String appliedAt) {
}
