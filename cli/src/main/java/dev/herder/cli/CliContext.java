package dev.herder.cli;

import dev.herder.cli.client.ClientFactory;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.http.HttpApiClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command talks to outside itself: its streams, the environment, the ways it reaches the cluster (clients:
 * the HTTP API's servers; clusterClients: Pekko ClusterClient contact points) and the clock. Tests replace the
 * parts they need to watch.
 */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                         ClientFactory clients, ClientFactory clusterClients, Clock clock) {

    /** The real environment, the real cluster clients and the system clock. */
    public static CliContext standard(PrintStream out, PrintStream err, InputStream in) {
        return new CliContext(out, err, in, System.getenv(), HttpApiClient::connect, HerderClient::connect,
                Clock.systemUTC());
    }

    /** Both routes to the cluster replaced by one stand-in. */
    public CliContext withClients(ClientFactory other) {
        return new CliContext(out, err, in, env, other, other, clock);
    }

    public CliContext withEnv(Map<String, String> other) {
        return new CliContext(out, err, in, other, clients, clusterClients, clock);
    }

    public CliContext withClock(Clock other) {
        return new CliContext(out, err, in, env, clients, clusterClients, other);
    }
}
