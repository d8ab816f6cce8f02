package dev.herder.cli;

import dev.herder.cli.client.ClientFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs the herder command in this JVM and keeps what it printed. */
public final class CliRun {
    public static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    public record Result(int exitCode, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    private CliRun() {
    }

    /** With the real cluster client, environment and clock, and no stdin (against a real cluster). */
    public static Result run(String... args) {
        return run(null, Map.of(), "", Clock.systemUTC(), args);
    }

    /** With a stand-in for the cluster (null: the real client), a given environment and stdin. */
    public static Result run(ClientFactory clients, Map<String, String> env, String stdin, String... args) {
        return run(clients, env, stdin, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    private static Result run(ClientFactory clients, Map<String, String> env, String stdin, Clock clock,
                              String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext context = CliContext.standard(outStream, errStream, in).withEnv(env)
                .withClock(clock);
        if (clients != null) {
            context = context.withClients(clients);
        }
        int code = Main.execute(args, context);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
