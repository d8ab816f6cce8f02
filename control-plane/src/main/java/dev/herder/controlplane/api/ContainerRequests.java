package dev.herder.controlplane.api;

import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.AgentCommand;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.ContainerAttachReply;
import dev.herder.protocol.wire.ContainerAttachRequest;
import dev.herder.protocol.wire.ContainerExecReply;
import dev.herder.protocol.wire.ContainerExecRequest;
import dev.herder.protocol.wire.ContainerLogsReply;
import dev.herder.protocol.wire.ContainerLogsRequest;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.StreamRefResolver;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamRefs;
import org.reactivestreams.Subscriber;

/**
 * {@code herder logs}, {@code herder exec} and kubectl's logs and exec (attached): finds the pod, its container
 * and the node it is bound to, then asks that node's agent (found through the node's herder.dev/agent annotation).
 * The agent's reply comes to a temporary ask actor whose path travels as a string, and an attached exec's streams
 * travel as serialized StreamRefs, so the agent messages in protocol carry no Pekko type.
 */
final class ContainerRequests {
    /** What an exec leaves of the ask timeout for the answer to travel back. */
    private static final Duration EXEC_MARGIN = Duration.ofSeconds(1);

    private final ActorSystem<?> system;
    private final Duration askTimeout;
    private final ActorRefResolver resolver;

    ContainerRequests(ActorSystem<?> system, Duration askTimeout) {
        this.system = system;
        this.askTimeout = askTimeout;
        this.resolver = ActorRefResolver.get(system);
    }

    /** Where a container request goes: the pod's uid and name, the container's name and the node's agent. */
    private record Target(String uid, String pod, String container, ActorRef<AgentCommand> agent) {
    }

    CompletionStage<ApiResponse> logs(ApiRequest.Logs request) {
        return withTarget(request.namespace(), request.pod(), request.container(), target ->
                AskPattern.<AgentCommand, ContainerLogsReply>ask(target.agent(),
                                replyTo -> new ContainerLogsRequest(target.uid(), target.container(), request.tail(),
                                        request.fromOffset(), request.options(),
                                        resolver.toSerializationFormat(replyTo)),
                                askTimeout, system.scheduler())
                        .thenApply(r -> r.error() != null ? failure(r.error())
                                : new ApiResponse.LogChunk(r.text(), r.nextOffset(), r.truncated(), r.done())));
    }

    CompletionStage<ApiResponse> exec(ApiRequest.Exec request) {
        if (request.command() == null || request.command().isEmpty()) {
            return done(failure("no command to run: give one after --"));
        }
        long runFor = Math.max(EXEC_MARGIN.toMillis(), askTimeout.minus(EXEC_MARGIN).toMillis());
        return withTarget(request.namespace(), request.pod(), request.container(), target ->
                AskPattern.<AgentCommand, ContainerExecReply>ask(target.agent(),
                                replyTo -> new ContainerExecRequest(target.uid(), target.container(), request.command(),
                                        runFor, resolver.toSerializationFormat(replyTo)),
                                askTimeout, system.scheduler())
                        .thenApply(r -> r.error() != null ? failure(r.error())
                                : new ApiResponse.ExecResult(r.exitCode(), r.output())));
    }

    /**
     * kubectl exec: the command started attached in the pod's container, fed with input (stdin, its end, the
     * terminal's size); the flow's output is what it prints, then its exit code, or why it could not be run. The
     * input crosses to the agent as a SourceRef, the output comes back as one.
     */
    Flow<ExecInput, ExecOutput, NotUsed> attach(ApiRequest.Exec request, boolean stdin, boolean tty) {
        Pair<Subscriber<ExecInput>, Source<ExecInput, NotUsed>> input = Source.<ExecInput>asSubscriber()
                .preMaterialize(system);
        CompletionStage<Source<ExecOutput, NotUsed>> output;
        if (request.command() == null || request.command().isEmpty()) {
            output = done(failed("no command to run: give one after --"));
        } else {
            output = this.<Source<ExecOutput, NotUsed>>withTarget(request.namespace(), request.pod(),
                    request.container(), target -> started(target, request.command(), stdin, tty, input.second()),
                    refused -> failed(refused instanceof ApiResponse.Failure f ? f.error().message()
                            : "could not find the pod's container"))
                    .exceptionally(e -> failed("could not start the command on the pod's node: " + e.getMessage()));
        }
        return Flow.fromSinkAndSource(Sink.fromSubscriber(input.first()), Source.completionStageSource(output)
                .mapMaterializedValue(m -> NotUsed.getInstance()));
    }

    private CompletionStage<Source<ExecOutput, NotUsed>> started(Target target, List<String> command, boolean stdin,
                                                                 boolean tty, Source<ExecInput, NotUsed> input) {
        StreamRefResolver refs = StreamRefResolver.get(system);
        SourceRef<ExecInput> inputRef = input.runWith(StreamRefs.sourceRef(), system);
        return AskPattern.<AgentCommand, ContainerAttachReply>ask(target.agent(),
                        replyTo -> new ContainerAttachRequest(target.uid(), target.container(), command, stdin, tty,
                                refs.toSerializationFormat(inputRef), resolver.toSerializationFormat(replyTo)),
                        askTimeout, system.scheduler())
                .thenApply(r -> r.error() != null ? failed(r.error())
                        : refs.<ExecOutput>resolveSourceRef(r.output()).getSource()
                                .recover(new PFBuilder<Throwable, ExecOutput>().matchAny(e -> new ExecOutput.Failed(
                                        "lost the command's output from node agent " + target.agent().path()
                                                + ": " + e.getMessage())).build()));
    }

    private static Source<ExecOutput, NotUsed> failed(String message) {
        return Source.single(new ExecOutput.Failed(message));
    }

    private CompletionStage<ApiResponse> withTarget(String namespace, String podName, String container,
                                                    Function<Target, CompletionStage<ApiResponse>> then) {
        return withTarget(namespace, podName, container, then, refused -> refused);
    }

    /** Calls then with the pod's container and agent; or answers what refused says of the failure to find them. */
    private <T> CompletionStage<T> withTarget(String namespace, String podName, String container,
                                              Function<Target, CompletionStage<T>> then,
                                              Function<ApiResponse, T> refused) {
        String ns = namespace == null ? Kinds.DEFAULT_NAMESPACE : namespace;
        return get(Pod.KIND, new ObjectKey(Pod.KIND, ns, podName).id()).thenCompose(podAnswer -> {
            if (!(podAnswer instanceof ApiResponse.Objects found) || found.items().isEmpty()) {
                return done(refused.apply(podAnswer));
            }
            Pod pod = (Pod) found.items().get(0);
            String problem = containerProblem(pod, container);
            if (problem != null) {
                return done(refused.apply(failure(problem)));
            }
            String chosen = container != null ? container : pod.spec().containers().get(0).name();
            String nodeName = pod.spec().nodeName();
            if (nodeName == null) {
                return done(refused.apply(failure("pod \"" + podName + "\" is not bound to a node yet, so it has no"
                        + " containers to reach; see `herder describe pod " + podName + "`")));
            }
            return get(Node.KIND, new ObjectKey(Node.KIND, null, nodeName).id()).thenCompose(nodeAnswer -> {
                String agentPath = agentPath(nodeAnswer);
                if (agentPath == null) {
                    return done(refused.apply(failure("node \"" + nodeName + "\" of pod \"" + podName
                            + "\" has no agent registered to ask")));
                }
                ActorRef<AgentCommand> agent = resolver.resolveActorRef(agentPath);
                return then.apply(new Target(pod.metadata().uid(), podName, chosen, agent));
            });
        });
    }

    /** Why the container cannot be named so in this pod, or null. */
    static String containerProblem(Pod pod, String container) {
        List<Container> containers = pod.spec().containers();
        String names = containers.stream().map(Container::name).collect(Collectors.joining(", "));
        String podName = pod.metadata().name();
        if (container == null) {
            return containers.size() == 1 ? null : "pod \"" + podName + "\" has " + containers.size()
                    + " containers; choose one with -c: " + names;
        }
        if (containers.stream().noneMatch(c -> c.name().equals(container))) {
            return "pod \"" + podName + "\" has no container \"" + container + "\"; its containers are: " + names;
        }
        return null;
    }

    private static String agentPath(ApiResponse nodeAnswer) {
        if (nodeAnswer instanceof ApiResponse.Objects o && !o.items().isEmpty()) {
            var annotations = o.items().get(0).metadata().annotations();
            return annotations == null ? null : annotations.get(Node.AGENT_ANNOTATION);
        }
        return null;
    }

    private CompletionStage<ApiResponse> get(String kind, String id) {
        ObjectKey key = ObjectKey.ofId(kind, id);
        return Stores.get(system).objects().get(kind, key.namespace(), key.name()).<ApiResponse>thenApply(found -> found
                .<ApiResponse>map(o -> new ApiResponse.Objects(kind, List.of(o)))
                .orElseGet(() -> new ApiResponse.Failure(ApiError.notFound(ApiObjects.describe(kind, key.name())
                        + " not found"))));
    }

    private static ApiResponse failure(String message) {
        return new ApiResponse.Failure(ApiError.badRequest(message));
    }

    private static <T> CompletionStage<T> done(T response) {
        return CompletableFuture.completedFuture(response);
    }
}
