package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herder exec POD [-c CONTAINER] -- CMD...}: runs a command in a pod's running container, prints what it
 * printed (stdout and stderr together) and exits with its exit code. The command must end within the client's
 * --timeout (less a second for the answer to come back); no stdin, no terminal.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, description = "Run a command in a pod's container.")
public final class ExecCommand extends ClientVerb {
    @Parameters(index = "0", paramLabel = "POD", description = "The pod's name.")
    private String pod;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "The command and its arguments, after --.")
    private List<String> command = List.of();

    @Option(names = {"-c", "--container"}, paramLabel = "CONTAINER",
            description = "The container (default: the pod's only container).")
    private String container;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The pod's namespace (default: " + Kinds.DEFAULT_NAMESPACE + ").")
    private String namespace;

    @Override
    public Integer call() {
        if (command.isEmpty()) {
            throw new CliException("no command to run: give one after --, e.g. herder exec " + pod + " -- ls /");
        }
        try (ApiClient client = connect()) {
            ApiResponse.ExecResult result = Responses.expect(
                    client.call(new ApiRequest.Exec(namespace, pod, container, command)), ApiResponse.ExecResult.class);
            if (result.output() != null) {
                out().print(result.output());
                out().flush();
            }
            return result.exitCode();
        }
    }
}
