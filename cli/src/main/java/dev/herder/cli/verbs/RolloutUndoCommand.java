package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.TemplateRevision;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code herder rollout undo rc NAME [--to-revision N]}: puts back the template of the revision before the
 * current one (or of revision N), which rolls the pods over to it like any change of template.
 */
@Command(name = "undo", mixinStandardHelpOptions = true, description = "Roll back to an earlier template.")
public final class RolloutUndoCommand extends ClientVerb {
    private static final int ATTEMPTS = 5;

    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Option(names = "--to-revision", paramLabel = "N", description = "The revision to go back to (default: the previous one).")
    private Long toRevision;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, "undo");
        try (ApiClient client = connect()) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                ReplicationController rc = target.get(client);
                TemplateRevision to = revision(rc);
                ReplicationController changed = new ReplicationController(rc.apiVersion(), rc.kind(), rc.metadata(),
                        rc.spec().withTemplate(to.template()), null);
                ApiResponse rsp = client.call(new ApiRequest.Apply(List.<ApiObject>of(changed)));
                ApiResponse.ApplyOutcome outcome = Responses.expect(rsp, ApiResponse.Applied.class).outcomes().get(0);
                if (outcome.error() == null) {
                    out().println("replicationcontroller/" + target.name() + " rolled back to revision " + to.revision());
                    return OK;
                }
                if (outcome.error().code() != ApiError.Code.CONFLICT || attempt == ATTEMPTS) {
                    err().println("error: " + Responses.message(outcome.error()));
                    return FAILED;
                }
            }
            return FAILED;
        }
    }

    private TemplateRevision revision(ReplicationController rc) {
        List<TemplateRevision> history = rc.status() == null || rc.status().history() == null ? List.of()
                : rc.status().history();
        if (toRevision != null) {
            return history.stream().filter(r -> r.revision().equals(toRevision)).findFirst().orElseThrow(() ->
                    new CliException("replicationcontroller \"" + rc.metadata().name() + "\" has no revision " + toRevision
                            + " (it has " + history.stream().map(r -> String.valueOf(r.revision())).toList() + ")"));
        }
        if (history.size() < 2) {
            throw new CliException("replicationcontroller \"" + rc.metadata().name()
                    + "\" has no earlier revision to go back to");
        }
        return history.get(history.size() - 2);
    }
}
