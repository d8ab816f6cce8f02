package dev.herder.agent.access;

import dev.herder.agent.runtime.AttachedExec;
import dev.herder.agent.runtime.RuntimeFailure;
import dev.herder.protocol.wire.ContainerAttachReply;
import dev.herder.protocol.wire.ContainerAttachRequest;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.StreamRefResolver;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries an attached exec's streams across the cluster for {@code kubectl exec -i/-t}: the caller's input (a
 * SourceRef of {@link ExecInput}) goes to the command, and its output goes back as a SourceRef of
 * {@link ExecOutput} ending with the exit code. Reading and writing the command's streams block, so both run on
 * the dispatcher herder.agent.exec-dispatcher, never on an actor's thread.
 */
public final class ExecStreams {
    private static final String EXEC_DISPATCHER = "herder.agent.exec-dispatcher";
    private static final Logger LOG = LoggerFactory.getLogger(ExecStreams.class);
    private final ActorSystem<?> system;
    private final Executor blocking;
    private final ContainerAccess access;

    public ExecStreams(ActorSystem<?> system, Executor blocking, ContainerAccess access) {
        this.system = system;
        this.blocking = blocking;
        this.access = access;
    }

    /** Starts the command (on the blocking executor); answers with its output's SourceRef, or why it did not start. */
    public CompletionStage<ContainerAttachReply> attach(ContainerAttachRequest request, String podName) {
        return CompletableFuture.supplyAsync(() -> access.attach(request, podName), blocking)
                .thenApply(exec -> connect(exec, request))
                .exceptionally(e -> ContainerAttachReply.failed(message(e)));
    }

    private ContainerAttachReply connect(AttachedExec exec, ContainerAttachRequest request) {
        StreamRefResolver refs = StreamRefResolver.get(system);
        if (request.input() != null) {
            SourceRef<ExecInput> input = refs.resolveSourceRef(request.input());
            input.getSource().runWith(Sink.<ExecInput>foreach(in -> send(exec, in)).async(EXEC_DISPATCHER), system)
                    .whenComplete((done, failure) -> send(exec, new ExecInput.CloseStdin()));
        }
        Source<ExecOutput, NotUsed> output = Source.unfoldResource(() -> exec, e -> Optional.ofNullable(e.read()),
                AttachedExec::close).async(EXEC_DISPATCHER);
        SourceRef<ExecOutput> ref = output.runWith(StreamRefs.sourceRef(), system);
        return new ContainerAttachReply(refs.toSerializationFormat(ref), null);
    }

    /** Passes one input on; one that cannot be passed (the command ended meanwhile) is dropped, as a closed pipe's. */
    private static void send(AttachedExec exec, ExecInput input) {
        try {
            exec.send(input);
        } catch (RuntimeFailure e) {
            LOG.debug("input to an exec dropped: {}", e.getMessage());
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof RuntimeFailure ? cause.getMessage() : "could not run the command: " + cause;
    }
}
