package dev.herder.cli.client;

import java.time.Duration;
import java.util.List;

/** Opens a client to the cluster; the CLI's one way in, so tests can stand in for the cluster. */
@FunctionalInterface
public interface ClientFactory {
    /** A client of these addresses: HTTP servers, or ClusterClient contact points, as the route needs. */
    ApiClient connect(List<String> addresses, Duration timeout);
}
