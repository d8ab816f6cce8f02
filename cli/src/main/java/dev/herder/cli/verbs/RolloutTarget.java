package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;

/** The replication controller a rollout verb names: {@code rc NAME} or {@code rc/NAME}. */
record RolloutTarget(String namespace, String name) {

    static RolloutTarget of(List<String> words, NamespaceOptions namespaces, String verb) {
        String kindWord;
        String name;
        if (words.size() == 1 && words.get(0).contains("/")) {
            String[] kindAndName = words.get(0).split("/", 2);
            kindWord = kindAndName[0];
            name = kindAndName[1];
        } else if (words.size() == 2) {
            kindWord = words.get(0);
            name = words.get(1);
        } else {
            throw new CliException("name the replication controller: herder rollout " + verb + " rc NAME (or rc/NAME)");
        }
        if (!ReplicationController.KIND.equals(KindArgument.resolve(kindWord)) || name.isEmpty()) {
            throw new CliException("rollout " + verb + " works on replication controllers (rc NAME), not \""
                    + String.join(" ", words) + "\"");
        }
        return new RolloutTarget(namespaces.namespace(), name);
    }

    /** The controller as stored now; a CliException naming it when it is not there. */
    ReplicationController get(ApiClient client) {
        ApiResponse rsp = client.call(new ApiRequest.Get(ReplicationController.KIND, namespace, name, null));
        if (rsp instanceof ApiResponse.Failure failure) {
            throw new CliException(Responses.message(failure.error()));
        }
        return (ReplicationController) Responses.expect(rsp, ApiResponse.Objects.class).items().get(0);
    }
}
