package dev.herder.protocol.wire;

/** Why a request was refused: a code a client can act on and one line a user can read. */
public record ApiError(Code code, String message) implements WireMessage {

    public enum Code {
        /** The input is malformed or breaks a validation rule (HTTP 422). */
        INVALID,
        /**
         * The request cannot be carried out as asked, though well formed: a container the pod does not have or that is
         * not running, a previous instance that is not there (HTTP 400).
         */
        BAD_REQUEST,
        /** No such object (HTTP 404). */
        NOT_FOUND,
        /** A create named an object that exists already (HTTP 409 AlreadyExists). */
        ALREADY_EXISTS,
        /** A write named a resourceVersion that is no longer current (HTTP 409). */
        CONFLICT,
        /** A list's continue token or a watch's revision is older than the store keeps (HTTP 410). */
        GONE,
        /** The cluster could not take the write now, e.g. no majority of control-plane nodes (HTTP 503). */
        UNAVAILABLE,
        /** Anything else; the message says what (HTTP 500). */
        INTERNAL
    }

    public static ApiError invalid(String message) {
        return new ApiError(Code.INVALID, message);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(Code.BAD_REQUEST, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(Code.NOT_FOUND, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(Code.CONFLICT, message);
    }

    public static ApiError alreadyExists(String message) {
        return new ApiError(Code.ALREADY_EXISTS, message);
    }

    public static ApiError gone(String message) {
        return new ApiError(Code.GONE, message);
    }

    public static ApiError unavailable(String message) {
        return new ApiError(Code.UNAVAILABLE, message);
    }
}
