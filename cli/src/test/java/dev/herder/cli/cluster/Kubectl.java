package dev.herder.cli.cluster;

import dev.herder.cli.options.Kubeconfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The kubectl installed on this machine, run against one server with a kubeconfig and a discovery cache of its own
 * (never the user's), as a user of Herder would run it.
 */
final class Kubectl {
    private static final long TIMEOUT_SECONDS = 60;
    private final String server;
    private final Path kubeconfig;
    private final Path cache;

    /** What one kubectl command printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Kubectl(String server, Path dir) throws IOException {
        this.server = server;
        Files.createDirectories(dir);
        this.kubeconfig = dir.resolve("kubeconfig");
        this.cache = dir.resolve("cache");
        Kubeconfig.write(kubeconfig, "herder", List.of(server));
    }

    /** Starts a kubectl that runs on (get -w, logs -f), its standard output and error going to out. */
    Process start(Path out, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("HOME", cache.getParent().toString());
        return builder.start();
    }

    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput((byte[]) null, args);
    }

    /** Runs kubectl with stdin (for "-f -"). */
    Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        return runWithInput(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs kubectl with these bytes on its stdin, then its end. */
    Result runWithInput(byte[] stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(cache.getParent(), "out", ".txt");
        Path err = Files.createTempFile(cache.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("HOME", cache.getParent().toString());
        Process p = builder.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS
                    + " s; it printed: " + Files.readString(out) + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Starts kubectl in a terminal of its own (util-linux script) of this many columns and rows; what it prints
     * goes to out, and what is written to the process's stdin is typed at the terminal.
     */
    Process startInTerminal(Path out, int columns, int rows, String... args) throws IOException {
        String line = command(args).stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", "stty cols " + columns + " rows " + rows + "; "
                + line, "/dev/null").redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("HOME", cache.getParent().toString());
        return builder.start();
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(),
                "--server", server, "--cache-dir", cache.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
