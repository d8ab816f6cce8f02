package dev.herder.cli.verbs;

import dev.herder.cli.CliContext;
import dev.herder.cli.HerderCommand;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.ClientFactory;
import dev.herder.cli.options.ClientOptions;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb that talks to the cluster: takes --server, --kubeconfig, --via, --contact and --timeout and opens a client
 * (over HTTP, or Pekko ClusterClient with --via cluster-client) when it needs one.
 */
abstract class ClientVerb implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions clientOptions;

    final CliContext context() {
        return HerderCommand.of(spec).context();
    }

    final PrintStream out() {
        return context().out();
    }

    final PrintStream err() {
        return context().err();
    }

    /** A client to the cluster; the caller closes it. */
    final ApiClient connect() {
        CliContext context = context();
        ClientFactory clients = clientOptions.route() == ClientOptions.Route.HTTP ? context.clients()
                : context.clusterClients();
        return clients.connect(clientOptions.addresses(context.env()), clientOptions.timeout());
    }
}
