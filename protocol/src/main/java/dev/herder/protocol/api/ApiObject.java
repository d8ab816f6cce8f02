package dev.herder.protocol.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A top-level API object in Kubernetes shape: apiVersion, kind, metadata, spec, status.
 * The kind field names the concrete record, in manifests and on the wire alike.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Pod.class, name = "Pod"),
    @JsonSubTypes.Type(value = ReplicationController.class, name = "ReplicationController"),
    @JsonSubTypes.Type(value = Service.class, name = "Service"),
    @JsonSubTypes.Type(value = Node.class, name = "Node"),
    @JsonSubTypes.Type(value = Event.class, name = "Event"),
    @JsonSubTypes.Type(value = Endpoints.class, name = "Endpoints")
})
public sealed interface ApiObject permits Pod, ReplicationController, Service, Node, Event, Endpoints {
    String apiVersion();

    String kind();

    ObjectMeta metadata();

    /** The same object with other metadata. */
    ApiObject withMetadata(ObjectMeta metadata);

    /** The spec alone, compared to tell a change of desired state from a no-op. */
    @JsonIgnore
    Object specPart();

    /** "namespace/name", or just the name for cluster-scoped kinds (Node). */
    @JsonIgnore
    default String key() {
        return ObjectKey.of(this).toString();
    }
}
