package dev.herder.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Kubernetes' meta/v1 ManagedFieldsEntry: the fields one manager owns in an object, and how it came to own them
 * (an Apply of its configuration, or an Update: a create, replace or patch). fieldsV1 is Kubernetes' encoding of
 * the field set ("f:name" a field, "k:{...}" a list item by its key, "v:..." a set member, "." the node itself).
 * subresource names the subresource written through (a replication controller's "scale"), null for the object.
 */
public record ManagedFieldsEntry(
    String manager,
    String operation,
    String apiVersion,
    String time,
    String fieldsType,
    JsonNode fieldsV1,
    String subresource) {

    public static final String APPLY = "Apply";
    public static final String UPDATE = "Update";
    public static final String FIELDS_V1 = "FieldsV1";

    /** An entry of a write to the object itself (no subresource). */
    public ManagedFieldsEntry(String manager, String operation, String apiVersion, String time, String fieldsType,
                              JsonNode fieldsV1) {
        this(manager, operation, apiVersion, time, fieldsType, fieldsV1, null);
    }

    /** Whether this entry is the one of manager's operation on the object itself. */
    public boolean isOf(String manager, String operation) {
        return isOf(manager, operation, null);
    }

    /** Whether this entry is the one of manager's operation through subresource (null: the object itself). */
    public boolean isOf(String manager, String operation, String subresource) {
        return manager.equals(this.manager) && operation.equals(this.operation)
                && Objects.equals(subresource, this.subresource);
    }
}
