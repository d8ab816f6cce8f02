package dev.herder.agent.probes;

/**
 * The outcome of one probe run: whether it passed, and what happened in words a user can act on (the
 * command's output, the HTTP status, the address that refused the connection).
 */
public record ProbeResult(boolean success, String message) {

    public static ProbeResult success(String message) {
        return new ProbeResult(true, message);
    }

    public static ProbeResult failure(String message) {
        return new ProbeResult(false, message);
    }
}
