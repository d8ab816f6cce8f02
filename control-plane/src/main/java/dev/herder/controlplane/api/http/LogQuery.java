package dev.herder.controlplane.api.http;

import dev.herder.protocol.wire.LogOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The pods/log query parameters beyond the container and the lines: previous, timestamps, and sinceSeconds or
 * sinceTime (RFC 3339), at most one of them, as Kubernetes takes them; since is fixed to a second when the request
 * comes, so a followed log keeps reading the same output.
 */
final class LogQuery {
    private LogQuery() {
    }

    static LogOptions options(Query query, Instant now) {
        Integer sinceSeconds = query.number("sinceSeconds");
        String sinceTime = query.text("sinceTime");
        if (sinceSeconds != null && sinceTime != null) {
            throw new Query.BadParameter("at most one of sinceTime or sinceSeconds may be specified");
        }
        Long since = null;
        if (sinceSeconds != null) {
            if (sinceSeconds < 1) {
                throw new Query.BadParameter("sinceSeconds must be greater than 0, not " + sinceSeconds);
            }
            since = now.getEpochSecond() - sinceSeconds;
        } else if (sinceTime != null) {
            try {
                since = Instant.parse(sinceTime).getEpochSecond();
            } catch (DateTimeParseException e) {
                throw new Query.BadParameter("sinceTime must be an RFC 3339 time (2006-01-02T15:04:05Z), not \""
                        + sinceTime + "\"");
            }
        }
        boolean previous = query.flag("previous");
        boolean timestamps = query.flag("timestamps");
        return previous || timestamps || since != null ? new LogOptions(previous, timestamps, since) : LogOptions.NONE;
    }
}
