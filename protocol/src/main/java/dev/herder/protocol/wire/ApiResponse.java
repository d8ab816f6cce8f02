package dev.herder.protocol.wire;

import dev.herder.protocol.api.ApiObject;
import java.util.List;

/** The ApiGateway's answer to an {@link ApiRequest}. */
public sealed interface ApiResponse extends WireMessage {

    /** One outcome per applied object, in the order they were sent. */
    record Applied(List<ApplyOutcome> outcomes) implements ApiResponse {
        public boolean allSucceeded() {
            return outcomes.stream().allMatch(o -> o.error() == null);
        }
    }

    /**
     * What became of one applied object: action is "created", "configured" or "unchanged" and object the
     * stored result; or error says why it was refused.
     */
    record ApplyOutcome(String kind, String namespace, String name, String action, ApiObject object,
                        ApiError error, List<String> warnings) {
    }

    /** Objects found by a Get (one item when a name was given). */
    record Objects(String kind, List<ApiObject> items, String resourceVersion, String continueToken)
            implements ApiResponse {
        public Objects(String kind, List<ApiObject> items) {
            this(kind, items, null, null);
        }
    }

    /** The deleted object, as it was. */
    record Deleted(ApiObject object) implements ApiResponse {
    }

    /** Cluster membership; leader is the host:port of the node that holds the Master singleton, or null. */
    record Cluster(List<Member> members, String leader) implements ApiResponse {
    }

    record Member(String address, List<String> roles, String status, boolean reachable) {
    }

    /**
     * Part of a container's output. nextOffset is the position after this text in the container's whole
     * output (ask from there to get only what follows); truncated says older output was left out to keep the
     * answer under the frame limit ({@link ContainerLogsReply#MAX_CHARS}); done says the container has ended,
     * so no more output will come from it.
     */
    record LogChunk(String text, long nextOffset, boolean truncated, boolean done) implements ApiResponse {
    }

    /** What a command run in a container printed (stdout and stderr, the last part if long) and its exit code. */
    record ExecResult(int exitCode, String output) implements ApiResponse {
    }

    /** A refused request. */
    record Failure(ApiError error) implements ApiResponse {
    }
}
