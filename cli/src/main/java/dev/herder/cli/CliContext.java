package dev.herder.cli;

import dev.herder.cli.client.ClientFactory;
import dev.herder.cli.client.HerderClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command talks to outside itself: its streams, the environment, the way it reaches the cluster and the
 * clock. Tests replace the parts they need to watch.
 */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                         ClientFactory clients, Clock clock) {

    /** The real environment, the real cluster client and the system clock. */
    public static CliContext standard(PrintStream out, PrintStream err, InputStream in) {
        return new CliContext(out, err, in, System.getenv(), HerderClient::connect, Clock.systemUTC());
    }

    public CliContext withClients(ClientFactory other) {
        return new CliContext(out, err, in, env, other, clock);
    }

    public CliContext withEnv(Map<String, String> other) {
        return new CliContext(out, err, in, other, clients, clock);
    }

    public CliContext withClock(Clock other) {
        return new CliContext(out, err, in, env, clients, other);
    }
}
