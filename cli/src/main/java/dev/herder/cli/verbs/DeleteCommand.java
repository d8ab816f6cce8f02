package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.manifests.ManifestInput;
import dev.herder.cli.manifests.NamespaceDefaults;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.printing.ObjectNames;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herder delete KIND NAME...}, {@code herder delete KIND/NAME...} or {@code herder delete -f FILE}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete objects by kind and name, or those a manifest names.")
public final class DeleteCommand extends ClientVerb {
    private static final Duration WAIT_BEYOND_DEADLINE = Duration.ofSeconds(30);
    private static final Duration WAIT_POLL = Duration.ofMillis(250);

    @Parameters(arity = "0..*", paramLabel = "KIND NAME", description = "A kind and one or more names, or KIND/NAME words.")
    private List<String> words = List.of();

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR|-", description = "Delete the objects of these manifests; repeatable.")
    private List<String> sources = List.of();

    @Option(names = "--cascade", paramLabel = "background|foreground|orphan", defaultValue = ApiRequest.Delete.BACKGROUND,
            description = "What becomes of what the object owns (a replication controller's pods): background deletes"
                    + " it after the object (default), foreground before it (the object is gone last), orphan leaves"
                    + " it running, unowned.")
    private String cascade;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "-1",
            description = "How long a running pod gets to stop (preStop hooks, then SIGTERM, SIGKILL at the end); -1"
                    + " (default) gives it its terminationGracePeriodSeconds, 0 removes it at once (with --force).")
    private long gracePeriod;

    @Option(names = "--force", description = "With --grace-period 0: remove pods at once, without waiting for their"
            + " nodes to stop them (their agents stop what is left when they see them gone).")
    private boolean force;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait until what is being deleted gracefully (a pod its node stops, a controller deleted in the"
                    + " foreground) is gone (default); --no-wait returns once it is marked.")
    private boolean await;

    @Mixin
    private NamespaceOptions namespaces;

    @Override
    public Integer call() {
        if (!List.of(ApiRequest.Delete.BACKGROUND, ApiRequest.Delete.FOREGROUND, ApiRequest.Delete.ORPHAN)
                .contains(cascade)) {
            throw new CliException("--cascade must be " + ApiRequest.Delete.BACKGROUND + ", "
                    + ApiRequest.Delete.FOREGROUND + " or " + ApiRequest.Delete.ORPHAN + ", not \"" + cascade + "\"");
        }
        if (gracePeriod == 0 && !force) {
            throw new CliException("--grace-period 0 removes pods without waiting for their nodes to stop them: add"
                    + " --force to do that, or give a grace period of 1 second or more");
        }
        if (gracePeriod < -1) {
            throw new CliException("--grace-period must be -1 (the pod's own), 0 (with --force) or more seconds, not "
                    + gracePeriod);
        }
        List<DeleteTarget> targets = targets();
        boolean allDeleted = true;
        try (ApiClient client = connect()) {
            for (DeleteTarget target : targets) {
                allDeleted &= delete(client, target);
            }
        }
        return allDeleted ? OK : FAILED;
    }

    private List<DeleteTarget> targets() {
        if (!sources.isEmpty() && !words.isEmpty()) {
            throw new CliException("give either -f FILE or KIND NAME, not both");
        }
        if (sources.isEmpty()) {
            return DeleteTarget.fromArguments(words, namespaces);
        }
        var objects = NamespaceDefaults.apply(ManifestInput.read(sources, context().in()).objects(), namespaces);
        if (objects.isEmpty()) {
            throw new CliException("no objects to delete in " + String.join(", ", sources));
        }
        return DeleteTarget.fromObjects(objects);
    }

    private boolean delete(ApiClient client, DeleteTarget target) {
        ApiResponse response = client.call(new ApiRequest.Delete(target.kind(), target.namespace(), target.name(),
                cascade, gracePeriod < 0 ? null : gracePeriod));
        if (response instanceof ApiResponse.Failure failure) {
            err().println("error: " + Responses.message(failure.error()));
            return false;
        }
        ApiObject deleted = Responses.expect(response, ApiResponse.Deleted.class).object();
        out().println(ObjectNames.singular(target.kind()) + " \"" + target.name() + "\" deleted");
        String deadline = deleted == null ? null : deleted.metadata().deletionTimestamp();
        return deadline == null || !await || awaitGone(client, target, deleted.metadata().uid(), deadline);
    }

    /**
     * Waits, as kubectl delete does, until an object being deleted gracefully is gone: until its deadline (a pod's
     * grace period; a controller's foreground delete has none) and a while more; false with a message when it is
     * still there then.
     */
    private boolean awaitGone(ApiClient client, DeleteTarget target, String uid, String deadline) {
        Instant giveUp = Instant.parse(deadline).plus(WAIT_BEYOND_DEADLINE);
        ApiRequest.Get get = new ApiRequest.Get(target.kind(), target.namespace(), target.name(), null);
        while (true) {
            ApiResponse answer = client.call(get);
            if (answer instanceof ApiResponse.Failure f && f.error().code() == ApiError.Code.NOT_FOUND
                    || answer instanceof ApiResponse.Objects o && (o.items().isEmpty()
                    || !o.items().get(0).metadata().uid().equals(uid))) {
                return true;
            }
            if (Instant.now().isAfter(giveUp)) {
                err().println("error: " + ObjectNames.singular(target.kind()) + " \"" + target.name() + "\" is still"
                        + " being deleted " + WAIT_BEYOND_DEADLINE.toSeconds() + " s after " + deadline + ": is its"
                        + " node's agent running? (herder get nodes); for a pod, --grace-period 0 --force removes it"
                        + " without its node");
                return false;
            }
            try {
                Thread.sleep(WAIT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
