package dev.herder.cli.options;

import dev.herder.cli.CliException;
import dev.herder.cli.HerderCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a verb reaches the cluster, accepted before or after any verb: --server, --kubeconfig (the HTTP API, the
 * default route; {@link Servers} says where it is looked for), --via cluster-client with --contact (Pekko
 * ClusterClient), and --timeout. Every command mixes this in; the values are kept on the root command's instance,
 * so {@code herder --server X get pods} and {@code herder get pods --server X} mean the same.
 */
public final class ClientOptions {
    public static final String CONTACT_ENV = "HERDER_CONTACT";
    public static final String DEFAULT_CONTACTS = "127.0.0.1:2551,127.0.0.1:2552,127.0.0.1:2553";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String VIA_HTTP = "http";
    public static final String VIA_CLUSTER_CLIENT = "cluster-client";

    /** The two ways into a cluster. */
    public enum Route { HTTP, CLUSTER_CLIENT }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private String server;
    private String kubeconfig;
    private String via;
    private String contact;
    private Duration timeout;

    @Option(names = {"-s", "--server"}, paramLabel = "URL[,URL...]",
            description = "The cluster's HTTP API, e.g. http://127.0.0.1:6443; several fail over (default: the"
                    + " kubeconfig's, $" + Servers.SERVER_ENV + ", $" + Servers.KUBECONFIG_ENV + "'s, the local"
                    + " cluster's .local/kubeconfig, else 127.0.0.1:6443-6445).")
    void setServer(String value) {
        if (value != null) {
            shared().server = value;
        }
    }

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "A kubeconfig naming the cluster's API server.")
    void setKubeconfig(String value) {
        if (value != null) {
            shared().kubeconfig = value;
        }
    }

    @Option(names = "--via", paramLabel = "ROUTE",
            description = "http (the default) or cluster-client (Pekko ClusterClient through --contact).")
    void setVia(String value) {
        if (value != null) {
            shared().via = value;
        }
    }

    @Option(names = "--contact", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "With --via cluster-client (which it implies): the control-plane nodes' Pekko addresses"
                    + " (default: $" + CONTACT_ENV + ", else " + DEFAULT_CONTACTS + ").")
    void setContact(String value) {
        if (value != null) {
            shared().contact = value;
        }
    }

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the cluster, e.g. 10s, 500ms, 1m (default: 10s).")
    void setTimeout(Duration value) {
        if (value != null) {
            shared().timeout = value;
        }
    }

    /** HTTP, unless --via cluster-client or --contact was given. */
    public Route route() {
        ClientOptions shared = shared();
        if (shared.via == null) {
            return shared.contact == null ? Route.HTTP : Route.CLUSTER_CLIENT;
        }
        Route route = switch (shared.via) {
            case VIA_HTTP -> Route.HTTP;
            case VIA_CLUSTER_CLIENT -> Route.CLUSTER_CLIENT;
            default -> throw new CliException("--via must be " + VIA_HTTP + " or " + VIA_CLUSTER_CLIENT + ", not \""
                    + shared.via + "\"");
        };
        if (route == Route.HTTP && shared.contact != null) {
            throw new CliException("--contact is for --via " + VIA_CLUSTER_CLIENT + "; over HTTP name the API with"
                    + " --server");
        }
        if (route == Route.CLUSTER_CLIENT && (shared.server != null || shared.kubeconfig != null)) {
            throw new CliException("--server and --kubeconfig are for the HTTP API; with --via " + VIA_CLUSTER_CLIENT
                    + " name the nodes with --contact");
        }
        return route;
    }

    /** Where to connect on the chosen route: HTTP servers, or ClusterClient contact points. */
    public List<String> addresses(Map<String, String> env) {
        return route() == Route.HTTP ? servers(env) : contacts(env);
    }

    /** The HTTP API's servers, in the order {@link Servers} finds them. */
    public List<String> servers(Map<String, String> env) {
        return Servers.resolve(shared().server, shared().kubeconfig, env);
    }

    /** The contact points: --contact, else $HERDER_CONTACT, else the three local control-plane nodes. */
    public List<String> contacts(Map<String, String> env) {
        String given = shared().contact;
        if (given == null) {
            String fromEnv = env.get(CONTACT_ENV);
            given = fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONTACTS : fromEnv;
        }
        return Contacts.parse(given);
    }

    public Duration timeout() {
        Duration given = shared().timeout;
        return given == null ? DEFAULT_TIMEOUT : given;
    }

    private ClientOptions shared() {
        return HerderCommand.of(mixee).clientOptions();
    }
}
