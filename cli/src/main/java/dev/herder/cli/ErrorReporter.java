package dev.herder.cli;

import com.typesafe.config.ConfigException;
import dev.herder.protocol.manifest.ManifestException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line on stderr, {@code error: <why>}, and an exit code; never a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILURE = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;

    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof ParameterException usage) {
            return handleParseException(usage, new String[0]);
        }
        report(describe(ex));
        return FAILURE;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        report(ex.getMessage() + " (see '" + command + " --help')");
        return USAGE;
    }

    private void report(String message) {
        err.println("error: " + oneLine(message));
        err.flush();
    }

    /** The user's message for failures Herder raises; for anything else the cause's type and message. */
    static String describe(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof ManifestException manifest) {
            return String.join("; ", manifest.errors());
        }
        if (cause instanceof CliException || cause instanceof ConfigException
                || cause.getClass().getName().startsWith("dev.herder.")) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    static String oneLine(String message) {
        return message == null ? "unknown failure" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
