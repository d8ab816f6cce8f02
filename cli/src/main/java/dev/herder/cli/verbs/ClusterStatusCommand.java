package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.printing.ClusterStatusOutput;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herder cluster status [-o json]}: members, their roles and health, and who holds the Master singleton. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the cluster's members and its leader.")
public final class ClusterStatusCommand extends ClientVerb {
    enum Format { JSON }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "json; a table when left out.")
    private Format output;

    @Override
    public Integer call() {
        ApiResponse.Cluster cluster;
        try (ApiClient client = connect()) {
            cluster = Responses.expect(client.call(new ApiRequest.ClusterStatus()), ApiResponse.Cluster.class);
        }
        out().print(output == Format.JSON ? ClusterStatusOutput.json(cluster) : ClusterStatusOutput.table(cluster));
        return OK;
    }
}
