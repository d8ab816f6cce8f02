package dev.herder.cli.client;

import java.time.Duration;
import java.util.List;

/** Opens a client to the cluster; the CLI's one way in, so tests can stand in for the cluster. */
@FunctionalInterface
public interface ClientFactory {
    ApiClient connect(List<String> contacts, Duration timeout);
}
