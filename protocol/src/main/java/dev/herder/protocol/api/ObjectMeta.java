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
    List<OwnerReference> ownerReferences,
    List<ManagedFieldsEntry> managedFields) {

    /** Metadata that names no managers (a new object, or one written by Herder itself). */
    public ObjectMeta(String name, String generateName, String namespace, Map<String, String> labels,
                      Map<String, String> annotations, String uid, String resourceVersion, Long generation,
                      String creationTimestamp, String deletionTimestamp, List<OwnerReference> ownerReferences) {
        this(name, generateName, namespace, labels, annotations, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, ownerReferences, null);
    }

    /** The same metadata, marked for deletion at the given moment (an RFC 3339 time; null: not being deleted). */
    public ObjectMeta withDeletionTimestamp(String at) {
        return new ObjectMeta(name, generateName, namespace, labels, annotations, uid, resourceVersion, generation,
                creationTimestamp, at, ownerReferences, managedFields);
    }

    /** The same metadata with these managers' entries (null: none). */
    public ObjectMeta withManagedFields(List<ManagedFieldsEntry> entries) {
        return new ObjectMeta(name, generateName, namespace, labels, annotations, uid, resourceVersion, generation,
                creationTimestamp, deletionTimestamp, ownerReferences, entries);
    }
}
