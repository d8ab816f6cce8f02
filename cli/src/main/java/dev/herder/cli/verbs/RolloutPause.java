package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.io.PrintStream;
import java.util.List;

/** Pausing and resuming: a write of spec.paused on the controller as read, retried when it changed meanwhile. */
final class RolloutPause {
    private static final int ATTEMPTS = 5;

    private RolloutPause() {
    }

    static int set(ApiClient client, RolloutTarget target, boolean paused, PrintStream out, PrintStream err) {
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
