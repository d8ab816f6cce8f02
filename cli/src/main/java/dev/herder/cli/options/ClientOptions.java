package dev.herder.cli.options;

import dev.herder.cli.HerderCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --contact and --timeout, accepted before or after any verb. Every command mixes this in; the values are kept
 * on the root command's instance, so {@code herder --contact X get pods} and {@code herder get pods --contact X}
 * mean the same.
 */
public final class ClientOptions {
    public static final String CONTACT_ENV = "HERDER_CONTACT";
    public static final String DEFAULT_CONTACTS = "127.0.0.1:2551,127.0.0.1:2552,127.0.0.1:2553";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private String contact;
    private Duration timeout;

    @Option(names = "--contact", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Control-plane nodes to reach the cluster through (default: $" + CONTACT_ENV + ", else "
                    + DEFAULT_CONTACTS + ").")
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
