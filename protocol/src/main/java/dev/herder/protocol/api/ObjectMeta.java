package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** Kubernetes ObjectMeta: identity, labels and the bookkeeping the owning actor keeps. */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    String uid,
    String resourceVersion,
    Long generation,
    String creationTimestamp,
    String deletionTimestamp,
    List<OwnerReference> ownerReferences) {

    /** The same metadata, marked for deletion at the given moment (an RFC 3339 time; null: not being deleted). */
    public ObjectMeta withDeletionTimestamp(String at) {
        return new ObjectMeta(name, generateName, namespace, labels, annotations, uid, resourceVersion, generation,
                creationTimestamp, at, ownerReferences);
    }
}
