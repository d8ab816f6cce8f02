package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.api.RolloutState;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herder rollout status rc NAME}: follows a rollout, one line each time its progress changes, and exits
 * 0 once every replica runs the current template and is available (1 if the controller goes away).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a rollout's progress until it is complete.")
public final class RolloutStatusCommand extends ClientVerb {
    private static final Duration POLL = Duration.ofMillis(500);

    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Option(names = {"-w", "--watch"}, negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow the rollout until it is complete (default); --no-watch prints where it is and exits.")
    private boolean watch;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, "status");
        String last = null;
        try (ApiClient client = connect()) {
            while (true) {
                ReplicationController rc = target.get(client);
                RolloutState state = rc.status() == null ? null : rc.status().rollout();
                boolean current = state != null && rc.status().observedGeneration() != null
                        && rc.metadata().generation() != null
                        && rc.status().observedGeneration() >= rc.metadata().generation();
                if (current && RolloutState.FAILED.equals(state.phase())) {
                    err().println("error: rollout of replicationcontroller \"" + target.name() + "\" failed: "
                            + state.message());
                    return FAILED;
                }
                if (current && RolloutState.ROLLED_BACK.equals(state.phase()) && state.rolledBackFrom() != null
                        && complete(rc)) {
                    err().println("error: replicationcontroller \"" + target.name() + "\" " + state.message());
                    return FAILED;
                }
                String line = progress(rc);
                if (!line.equals(last)) {
                    out().println(line);
                    out().flush();
                    last = line;
                }
                if (complete(rc) && !(state != null && RolloutState.ROLLED_BACK.equals(state.phase())) || !watch) {
                    return OK;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return FAILED;
                }
            }
        }
    }

    public static boolean complete(ReplicationController rc) {
        ReplicationControllerStatus s = rc.status();
        int want = rc.spec().replicas() == null ? 1 : rc.spec().replicas();
        return s != null && s.observedGeneration() != null && rc.metadata().generation() != null
                && s.observedGeneration() >= rc.metadata().generation() && count(s.updatedReplicas()) == want
                && count(s.replicas()) == want && count(s.availableReplicas()) == want;
    }

    /** Where the rollout is, in kubectl's words. */
    static String progress(ReplicationController rc) {
        ReplicationControllerStatus s = rc.status();
        String name = rc.metadata().name();
        int want = rc.spec().replicas() == null ? 1 : rc.spec().replicas();
        if (s == null || s.observedGeneration() == null || rc.metadata().generation() == null
                || s.observedGeneration() < rc.metadata().generation()) {
            return "Waiting for replicationcontroller \"" + name + "\" to see its new spec...";
        }
        String paused = Boolean.TRUE.equals(rc.spec().paused()) ? " (paused: herder rollout resume rc " + name + ")" : "";
        RolloutState state = s.rollout();
        if (state != null && RolloutState.ROLLED_BACK.equals(state.phase())) {
            return "Rolling back: " + state.message();
        }
        if (state != null && state.rolledBackFrom() != null) {
            return "Rolling back to revision " + state.revision() + ": " + count(s.updatedReplicas()) + " out of " + want
                    + " replicas have its template...";
        }
        if (count(s.updatedReplicas()) < want) {
            return "Waiting for rollout to finish: " + count(s.updatedReplicas()) + " out of " + want
                    + " new replicas have been updated..." + paused;
        }
        if (count(s.replicas()) > count(s.updatedReplicas())) {
            return "Waiting for rollout to finish: " + (count(s.replicas()) - count(s.updatedReplicas()))
                    + " old replicas are pending termination..." + paused;
        }
        if (count(s.availableReplicas()) < want) {
            return "Waiting for rollout to finish: " + count(s.availableReplicas()) + " of " + want
                    + " updated replicas are available...";
        }
        return "replicationcontroller \"" + name + "\" successfully rolled out";
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
