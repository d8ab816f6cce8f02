package dev.herder.controlplane.store;

/** A key with its value as the store holds it: modRevision is the revision that last wrote it. */
public record Versioned(String key, byte[] value, long modRevision, long createRevision) {
}
