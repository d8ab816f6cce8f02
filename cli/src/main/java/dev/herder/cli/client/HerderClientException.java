package dev.herder.cli.client;

import dev.herder.cli.options.ClientOptions;
import dev.herder.cli.options.DurationConverter;
import dev.herder.cli.options.Servers;
import java.time.Duration;
import java.util.List;

/**
 * No answer from the cluster: either no server (or contact point) could be reached at all, or the cluster stayed
 * silent.
 */
public final class HerderClientException extends RuntimeException {

    public enum Reason {
        /** No contact point answered at all: nothing is listening there, or the network is in the way. */
        UNREACHABLE,
        /** A control-plane node was reached, but the request was not answered in time. */
        NO_ANSWER,
        /** The cluster answered with something that is not an ApiResponse. */
        UNEXPECTED_REPLY
    }

    private final Reason reason;

    private HerderClientException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    private HerderClientException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** The same failure, with the stack of the thread that waited for the answer (the original as its cause). */
    HerderClientException rethrownHere() {
        return new HerderClientException(reason, getMessage(), this);
    }

    public static HerderClientException unreachable(List<String> contacts, Duration timeout) {
        return new HerderClientException(Reason.UNREACHABLE, "cannot reach the Herder cluster at "
                + String.join(",", contacts) + " within " + DurationConverter.format(timeout)
                + ": is it running? (set --contact or " + ClientOptions.CONTACT_ENV + ")");
    }

    /** No HTTP API server answered: each was tried in turn; why names the last failure (connection refused, ...). */
    public static HerderClientException unreachableServers(List<String> servers, String why) {
        return new HerderClientException(Reason.UNREACHABLE, "cannot reach the Herder API at "
                + String.join(", ", servers) + " (" + why + "): is the cluster running? " + Servers.HOW_TO_NAME);
    }

    public static HerderClientException noAnswer(Duration timeout) {
        return new HerderClientException(Reason.NO_ANSWER,
                "no answer from the cluster within " + DurationConverter.format(timeout));
    }

    public static HerderClientException unexpectedReply(Object reply) {
        return new HerderClientException(Reason.UNEXPECTED_REPLY,
                "unexpected answer from the cluster: " + reply.getClass().getName());
    }

    public Reason reason() {
        return reason;
    }
}
