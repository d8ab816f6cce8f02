package dev.herder.protocol.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.herder.protocol.api.ApiObject;
import java.util.List;

/** What a client (the herder CLI, later HTTP) asks the ApiGateway. Every request is answered with an {@link ApiResponse}. */
public sealed interface ApiRequest extends WireMessage {

    /** Create each object, or update it where it exists. A set metadata.resourceVersion must match the stored one. */
    record Apply(List<ApiObject> objects) implements ApiRequest {
    }

    /**
     * One object (name set) or a list (name null) of one kind; namespace null means every namespace. A list
     * may be narrowed by labels and by fields ({@link dev.herder.protocol.selector.FieldSelector}). A list is
     * read in pages as Kubernetes' are: limit (null: no limit) caps the objects of one answer, and an answer
     * with more to come carries a continueToken, which the next request passes back to read on from there, at
     * the same store revision (an expired token is answered GONE).
     */
    record Get(String kind, String namespace, String name, String labelSelector, String fieldSelector,
               Integer limit, String continueToken) implements ApiRequest {
        public Get(String kind, String namespace, String name, String labelSelector) {
            this(kind, namespace, name, labelSelector, null);
        }

        public Get(String kind, String namespace, String name, String labelSelector, String fieldSelector) {
            this(kind, namespace, name, labelSelector, fieldSelector, null, null);
        }

        /** The same list request for the page after the one that carried this token. */
        public Get next(String token) {
            return new Get(kind, namespace, name, labelSelector, fieldSelector, limit, token);
        }
    }

    /**
     * Delete one object. cascade says what becomes of what it owns (a replication controller's pods):
     * {@value #BACKGROUND} (null means this) deletes them after it, {@value #FOREGROUND} first (the object stays,
     * its deletionTimestamp set, until they are gone), {@value #ORPHAN} leaves them, unowned.
     * gracePeriodSeconds is for a pod running on a node: null gives it its spec's terminationGracePeriodSeconds
     * (30 s when it names none), a number that many seconds, and 0 removes it at once without waiting for its
     * node (a force delete). A pod given a grace period stays, Terminating (its deletionTimestamp set), until its
     * agent has stopped it.
     */
    record Delete(String kind, String namespace, String name, String cascade, Long gracePeriodSeconds)
            implements ApiRequest {
        public static final String BACKGROUND = "background";
        public static final String ORPHAN = "orphan";
        public static final String FOREGROUND = "foreground";

        public Delete(String kind, String namespace, String name, String cascade) {
            this(kind, namespace, name, cascade, null);
        }

        public Delete(String kind, String namespace, String name) {
            this(kind, namespace, name, null, null);
        }
    }

    /**
     * Set a replication controller's spec.replicas; answered with Applied holding one outcome ("scaled").
     * resourceVersion, when given, is the version the client read: a controller changed since is a conflict.
     */
    record Scale(String kind, String namespace, String name, int replicas, String resourceVersion,
                 String fieldManager) implements ApiRequest {
        public Scale(String kind, String namespace, String name, int replicas) {
            this(kind, namespace, name, replicas, null, null);
        }

        public Scale(String kind, String namespace, String name, int replicas, String resourceVersion) {
            this(kind, namespace, name, replicas, resourceVersion, null);
        }
    }

    /**
     * A container's output, answered with {@link ApiResponse.LogChunk}. container null means the pod's only
     * container; tail null means all lines. fromOffset null asks for the output as it is now (the last tail
     * lines); a number asks only for what the container printed after that position (a LogChunk's
     * nextOffset), which is how {@code herder logs -f} follows: it polls with the offset it was last given.
     * follow says the client will poll on; the answer is the same. options: which instance, timestamps, since
     * when (null: the current instance's output as written).
     */
    record Logs(String namespace, String pod, String container, Integer tail, boolean follow, Long fromOffset,
                LogOptions options) implements ApiRequest {
        public Logs {
            options = LogOptions.orNone(options);
        }

        public Logs(String namespace, String pod, String container, Integer tail, boolean follow, Long fromOffset) {
            this(namespace, pod, container, tail, follow, fromOffset, null);
        }
    }

    /** Runs a command in a pod's running container, answered with {@link ApiResponse.ExecResult}. */
    record Exec(String namespace, String pod, String container, List<String> command) implements ApiRequest {
    }

    /** Members of the cluster and the holder of the Master singleton. */
    record ClusterStatus() implements ApiRequest {
    }

    /**
     * A request from a client that sends it again to another node when no answer came within millis of sending
     * it. So that the first try cannot overwrite what the second (and what the client wrote after it) stored,
     * the node that takes it makes no write guarded on a read of its own after half that time from its arrival
     * (the other half is left for the request's way there): such a write is answered UNAVAILABLE, not made.
     * Writes already on their way to the store stay guarded on the version they read, so a later write by the
     * client makes them conflicts. A Within inside a Within is refused.
     */
    record Within(
            @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "request")
            @JsonSubTypes({
                @JsonSubTypes.Type(value = Apply.class, name = "Apply"),
                @JsonSubTypes.Type(value = Get.class, name = "Get"),
                @JsonSubTypes.Type(value = Delete.class, name = "Delete"),
                @JsonSubTypes.Type(value = Scale.class, name = "Scale"),
                @JsonSubTypes.Type(value = Logs.class, name = "Logs"),
                @JsonSubTypes.Type(value = Exec.class, name = "Exec"),
                @JsonSubTypes.Type(value = ClusterStatus.class, name = "ClusterStatus")
            })
            ApiRequest request,
            long millis) implements ApiRequest {
    }
}
