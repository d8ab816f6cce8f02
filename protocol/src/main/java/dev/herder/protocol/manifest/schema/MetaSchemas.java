package dev.herder.protocol.manifest.schema;

import static dev.herder.protocol.manifest.schema.Schema.Scalar.ANY;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.BOOL;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT64;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.STRING;
import static dev.herder.protocol.manifest.schema.Schema.listOf;
import static dev.herder.protocol.manifest.schema.Schema.mapOf;
import static dev.herder.protocol.manifest.schema.Schema.object;

/** Kubernetes' meta/v1 ObjectMeta, OwnerReference and ManagedFieldsEntry. */
final class MetaSchemas {
    static final Schema.Obj OWNER_REFERENCE = object()
            .field("apiVersion", STRING).field("kind", STRING).field("name", STRING).field("uid", STRING)
            .field("controller", BOOL).field("blockOwnerDeletion", BOOL)
            .build();

    static final Schema.Obj MANAGED_FIELDS_ENTRY = object()
            .field("manager", STRING).field("operation", STRING).field("apiVersion", STRING).field("time", STRING)
            .field("fieldsType", STRING).field("fieldsV1", ANY).field("subresource", STRING)
            .build();

    static final Schema.Obj OBJECT_META = object()
            .field("name", STRING).field("generateName", STRING).field("namespace", STRING)
            .field("labels", mapOf(STRING)).field("annotations", mapOf(STRING))
            .field("uid", STRING).field("resourceVersion", STRING).field("generation", INT64)
            .field("creationTimestamp", STRING).field("deletionTimestamp", STRING)
            .field("ownerReferences", listOf(OWNER_REFERENCE))
            .field("managedFields", listOf(MANAGED_FIELDS_ENTRY))
            .unsupported("selfLink", "deletionGracePeriodSeconds", "finalizers")
            .build();

    private MetaSchemas() {
    }
}
