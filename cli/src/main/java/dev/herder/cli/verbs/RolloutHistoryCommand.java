package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.TemplateRevision;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code herder rollout history rc NAME}: the templates the controller has rolled out, one line each. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List a controller's rolled-out templates.")
public final class RolloutHistoryCommand extends ClientVerb {
    @Parameters(arity = "1..2", paramLabel = "rc NAME", description = "rc NAME, or rc/NAME.")
    private List<String> words = List.of();

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        RolloutTarget target = RolloutTarget.of(words, namespaces, "history");
        ReplicationController rc;
        try (ApiClient client = connect()) {
            rc = target.get(client);
        }
        List<TemplateRevision> history = rc.status() == null || rc.status().history() == null ? List.of()
                : rc.status().history();
        out().println("replicationcontroller/" + target.name());
        out().printf("%-10s %-32s %s%n", "REVISION", "APPLIED", "IMAGES");
        Long current = rc.status() == null || rc.status().rollout() == null ? null : rc.status().rollout().revision();
        for (TemplateRevision r : history) {
            String images = r.template() == null || r.template().spec() == null ? "" : r.template().spec().containers()
                    .stream().map(c -> c.name() + "=" + c.image()).collect(Collectors.joining(","));
            out().printf("%-10s %-32s %s%n", r.revision() + (r.revision().equals(current) ? " *" : ""), r.appliedAt(),
                    images);
        }
        return OK;
    }
}
