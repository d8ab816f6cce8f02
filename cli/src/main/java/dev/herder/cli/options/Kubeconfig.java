package dev.herder.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.cli.CliException;
import dev.herder.protocol.manifest.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubeconfig files: the servers one names (the current context's cluster's server first, then every other cluster's
 * server in the file's order; the client fails over to them when the first does not answer), and one written for
 * a cluster's servers with no credentials (the API has no authentication yet).
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    /** Writes a kubeconfig naming servers, the first the current context's: cluster NAME, NAME-2, NAME-3 ... */
    public static void write(Path file, String name, List<String> servers) throws IOException {
        StringBuilder text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        for (int i = 0; i < servers.size(); i++) {
            text.append("- name: ").append(clusterName(name, i)).append("\n  cluster:\n    server: ")
                    .append(servers.get(i)).append('\n');
        }
        text.append("contexts:\n");
        for (int i = 0; i < servers.size(); i++) {
            text.append("- name: ").append(clusterName(name, i)).append("\n  context:\n    cluster: ")
                    .append(clusterName(name, i)).append("\n    user: ").append(name).append('\n');
        }
        text.append("current-context: ").append(name).append("\nusers:\n- name: ").append(name)
                .append("\n  user: {}\n");
        Files.writeString(file, text);
    }

    private static String clusterName(String name, int index) {
        return index == 0 ? name : name + "-" + (index + 1);
    }

    public static List<String> servers(Path file) {
        JsonNode config;
        try {
            config = Json.yamlMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CliException("kubeconfig " + file + " does not exist: name an existing file with --kubeconfig"
                    + " or " + Servers.KUBECONFIG_ENV + ", or a server with --server");
        } catch (IOException e) {
            throw new CliException("kubeconfig " + file + " cannot be read: " + e.getMessage());
        }
        if (config == null) {
            throw new CliException("kubeconfig " + file + " is empty: it needs clusters[].cluster.server");
        }
        String currentCluster = null;
        String currentContext = config.path("current-context").asText("");
        for (JsonNode context : config.path("contexts")) {
            if (context.path("name").asText("").equals(currentContext)) {
                currentCluster = context.path("context").path("cluster").asText(null);
            }
        }
        List<String> servers = new ArrayList<>();
        for (JsonNode cluster : config.path("clusters")) {
            String server = cluster.path("cluster").path("server").asText("");
            if (server.isEmpty() || servers.contains(server)) {
                continue;
            }
            if (cluster.path("name").asText("").equals(currentCluster)) {
                servers.add(0, server);
            } else {
                servers.add(server);
            }
        }
        if (servers.isEmpty()) {
            throw new CliException("kubeconfig " + file + " names no server (clusters[].cluster.server)");
        }
        return List.copyOf(servers);
    }
}
