package dev.herder.agent.runtime;

/**
 * A runtime call that failed. retryable says whether the same call may succeed later (the engine was busy
 * or unreachable) or not (the image does not exist, the request is wrong); the message says what failed,
 * with the engine's own words, so the user can act on it.
 */
public final class RuntimeFailure extends RuntimeException {
    private final boolean retryable;

    public RuntimeFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
