package dev.herder.cli.options;

import dev.herder.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the herder command finds the cluster's HTTP API, first found wins: --server, --kubeconfig, $HERDER_SERVER,
 * $HERDER_KUBECONFIG, the local cluster's kubeconfig ($HERDER_LOCAL_DIR/kubeconfig, by default .local/kubeconfig),
 * else the local cluster's three control-plane nodes on 127.0.0.1:6443-6445. A server may be given as host:port
 * (http:// is meant) and several comma-separated: the client fails over to the next when one does not answer.
 */
public final class Servers {
    public static final String SERVER_ENV = "HERDER_SERVER";
    public static final String KUBECONFIG_ENV = "HERDER_KUBECONFIG";
    public static final String LOCAL_DIR_ENV = "HERDER_LOCAL_DIR";
    public static final String LOCAL_DIR = ".local";
    public static final String LOCAL_KUBECONFIG = "kubeconfig";
    public static final List<String> LOCAL_SERVERS = List.of("http://127.0.0.1:6443", "http://127.0.0.1:6444",
            "http://127.0.0.1:6445");
    /** What a user can do about servers that do not answer; said in the error. */
    public static final String HOW_TO_NAME = "start the local cluster with ./herder local up, or name the API with"
            + " --server, --kubeconfig, $" + SERVER_ENV + " or $" + KUBECONFIG_ENV;

    private Servers() {
    }

    /** The servers to try, in order. */
    public static List<String> resolve(String server, String kubeconfig, Map<String, String> env) {
        if (server != null) {
            return parse(server);
        }
        if (kubeconfig != null) {
            return Kubeconfig.servers(Path.of(kubeconfig));
        }
        if (given(env.get(SERVER_ENV))) {
            return parse(env.get(SERVER_ENV));
        }
        if (given(env.get(KUBECONFIG_ENV))) {
            return Kubeconfig.servers(Path.of(env.get(KUBECONFIG_ENV)));
        }
        String localDir = given(env.get(LOCAL_DIR_ENV)) ? env.get(LOCAL_DIR_ENV) : LOCAL_DIR;
        Path local = Path.of(localDir, LOCAL_KUBECONFIG);
        if (Files.isRegularFile(local)) {
            List<String> servers = new ArrayList<>(Kubeconfig.servers(local));
            LOCAL_SERVERS.stream().filter(s -> !servers.contains(s)).forEach(servers::add);
            return List.copyOf(servers);
        }
        return LOCAL_SERVERS;
    }

    /** Comma-separated servers, each a URL (http or https) or host:port. */
    public static List<String> parse(String text) {
        List<String> servers = new ArrayList<>();
        for (String part : text.split(",")) {
            String server = part.strip();
            if (!server.isEmpty()) {
                servers.add(check(server.contains("://") ? server : "http://" + server));
            }
        }
        if (servers.isEmpty()) {
            throw new CliException("no server given: expected a URL such as http://127.0.0.1:6443");
        }
        return List.copyOf(servers);
    }

    private static String check(String server) {
        try {
            URI uri = new URI(server);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null) {
                throw invalid(server);
            }
        } catch (URISyntaxException e) {
            throw invalid(server);
        }
        return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    private static CliException invalid(String server) {
        return new CliException("invalid server \"" + server + "\": expected a URL such as http://127.0.0.1:6443");
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
