package dev.herder.agent.probes;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/** Says in a few words why a probe's connection failed, from the exception's chain of causes. */
final class Causes {

    private Causes() {
    }

    static String describe(Throwable failure) {
        String message = deepestMessage(failure);
        if (has(failure, ConnectException.class)) {
            return "connect: " + (message == null ? "connection refused" : message.toLowerCase(Locale.ROOT));
        }
        if (has(failure, UnknownHostException.class)) {
            return "lookup " + message + ": no such host";
        }
        if (has(failure, HttpTimeoutException.class) || has(failure, SocketTimeoutException.class)) {
            return "timed out" + (message == null ? "" : " (" + message + ")");
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
