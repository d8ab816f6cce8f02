package dev.herder.cli.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.herder.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.pekko.actor.typed.ActorSystem;

/** Loads a server's config file and reads the few facts a server command reports. */
final class ServerConfig {
    static final String HOSTNAME_KEY = "pekko.remote.artery.canonical.hostname";
    static final String PORT_KEY = "pekko.remote.artery.canonical.port";
    static final String DATA_DIR_KEY = "herder.data-dir";

    private ServerConfig() {
    }

    /**
     * The file over the references: its {@code include "application"} resolves beside it; system properties
     * (-D...) override it.
     */
    static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("config file " + file + " not found");
        }
        Config own = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        return ConfigFactory.defaultOverrides()
                .withFallback(own)
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
    }

    /** host:port this process listens on. */
    static String address(Config config) {
        return config.getString(HOSTNAME_KEY) + ":" + config.getInt(PORT_KEY);
    }

    /** herder.data-dir. */
    static Path dataDirectory(Config config) {
        return Paths.get(config.getString(DATA_DIR_KEY)).toAbsolutePath().normalize();
    }

    /** Blocks until the server's actor system ends (it is stopped, or leaves the cluster), then exit code 0. */
    static int awaitTermination(ActorSystem<?> system) {
        system.getWhenTerminated().toCompletableFuture().join();
        return 0;
    }
}
