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
 * The servers a kubeconfig file names: the current context's cluster's server first, then every other cluster's
 * server in the file's order (the client fails over to them when the first does not answer).
 */
public final class Kubeconfig {
    private Kubeconfig() {
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
