package dev.herder.protocol.wire;

import dev.herder.protocol.api.ApiObject;
import java.util.List;

/** What a client (the herder CLI, later HTTP) asks the ApiGateway. Every request is answered with an {@link ApiResponse}. */
public sealed interface ApiRequest extends WireMessage {

    /** Create each object, or update it where it exists. A set metadata.resourceVersion must match the stored one. */
    record Apply(List<ApiObject> objects) implements ApiRequest {
    }

    /** One object (name set) or a list (name null) of one kind; namespace null means every namespace. */
    record Get(String kind, String namespace, String name, String labelSelector) implements ApiRequest {
    }

    /** Delete one object. */
    record Delete(String kind, String namespace, String name) implements ApiRequest {
    }

    /** Members of the cluster and the holder of the Master singleton. */
    record ClusterStatus() implements ApiRequest {
    }
}
