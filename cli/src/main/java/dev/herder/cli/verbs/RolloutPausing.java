package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.cli.options.NamespaceOptions;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rollout pause} and {@code rollout resume}: a write of spec.paused on the controller as read, retried
 * when it changed meanwhile.
 */
abstract class RolloutPausing extends ClientVerb {
    private static final int ATTEMPTS = 5;

    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Mixin
    private NamespaceOptions namespaces;

    private final String verb;
    private final boolean paused;

    RolloutPausing(String verb, boolean paused) {
        this.verb = verb;
        this.paused = paused;
    }

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, verb);
        try (ApiClient client = connect()) {
            return set(client, target, paused, out(), err());
        }
    }

    private static int set(ApiClient client, RolloutTarget target, boolean paused, PrintStream out, PrintStream err) {
        String done = paused ? "paused" : "resumed";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ReplicationController rc = target.get(client);
            if (Boolean.TRUE.equals(rc.spec().paused()) == paused) {
                out.println("replicationcontroller/" + target.name() + " is already " + done);
                return ClientVerb.OK;
            }
            ReplicationController changed = new ReplicationController(rc.apiVersion(), rc.kind(), rc.metadata(),
                    rc.spec().withPaused(paused), null);
            ApiResponse rsp = client.call(new ApiRequest.Apply(List.<ApiObject>of(changed)));
            ApiResponse.ApplyOutcome outcome = Responses.expect(rsp, ApiResponse.Applied.class).outcomes().get(0);
            if (outcome.error() == null) {
                out.println("replicationcontroller/" + target.name() + " " + done);
                return ClientVerb.OK;
            }
            if (outcome.error().code() != ApiError.Code.CONFLICT || attempt == ATTEMPTS) {
                err.println("error: " + Responses.message(outcome.error()));
                return ClientVerb.FAILED;
            }
        }
        return ClientVerb.FAILED;
    }
}
