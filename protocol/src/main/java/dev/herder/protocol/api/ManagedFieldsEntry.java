package dev.herder.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kubernetes' meta/v1 ManagedFieldsEntry: the fields one manager owns in an object, and how it came to own them
 * (an Apply of its configuration, or an Update: a create, replace or patch). fieldsV1 is Kubernetes' encoding of
 * the field set ("f:name" a field, "k:{...}" a list item by its key, "v:..." a set member, "." the node itself).
 */
public record ManagedFieldsEntry(
    String manager,
    String operation,
    String apiVersion,
    String time,
    String fieldsType,
    JsonNode fieldsV1) {

    public static final String APPLY = "Apply";
    public static final String UPDATE = "Update";
    public static final String FIELDS_V1 = "FieldsV1";

    /** Whether this entry is the one of manager's operation. */
    public boolean isOf(String manager, String operation) {
        return manager.equals(this.manager) && operation.equals(this.operation);
    }
}
