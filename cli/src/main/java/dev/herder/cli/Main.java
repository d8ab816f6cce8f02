package dev.herder.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code herder} command: server sub-commands and kubectl-like client verbs. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommonPool.atLeastTwoThreads();
        System.exit(execute(args, System.out, System.err, System.in));
    }

    /**
     * Runs one command line in this JVM and returns its exit code: 0 on success, 1 on failure, 2 on a usage
     * error. Results go to {@code out}; a failure is one line on {@code err} starting with {@code error: }.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return execute(args, CliContext.standard(out, err, in));
    }

    /** As {@link #execute(String[], PrintStream, PrintStream, InputStream)}, with every outside part given. */
    public static int execute(String[] args, CliContext context) {
        CommandLine commandLine = new CommandLine(new HerderCommand(context));
        ErrorReporter errors = new ErrorReporter(context.err());
        commandLine.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
