package dev.herder.controlplane.controllers;

import dev.herder.controlplane.objects.EntityCommand;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.objects.KindRules;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.controlplane.objects.Versions;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.EntityMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * A ReplicationController's entity: the only writer of the controller, and the one that keeps its pods at
 * {@code replicas}. The Master tells it which pods it has ({@link ControllerCommands.ObservedPods}); it creates
 * pods from its template (named {@code <rc>-<5 random chars>}, owned by it) or deletes the surplus (unbound,
 * then not ready, then newest first), and records what it saw in its status.
 *
 * <p>The Master's view trails the store a little, so the entity remembers what it asked for and has not seen
 * yet (Kubernetes calls these expectations): a pod it created counts until the Master reports it, one it
 * deleted stops counting at once, each for at most {@link #EXPECTATION_TIMEOUT}.
 */
public final class ReplicationControllerRules implements KindRules {
    static final Duration EXPECTATION_TIMEOUT = Duration.ofSeconds(30);
    static final String SCALED = "scaled";
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int SUFFIX_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A create or delete the entity asked a Pod's entity for came back. */
    record PodRequestDone(String podName, boolean create, String error) implements EntityMessage {
    }

    private final ActorContext<EntityMessage> context;
    private final Duration askTimeout;
    private final Map<String, Instant> expectedCreates = new HashMap<>();
    private final Map<String, Instant> expectedDeletes = new HashMap<>();

    public ReplicationControllerRules(ActorContext<EntityMessage> context, Duration askTimeout) {
        this.context = context;
        this.askTimeout = askTimeout;
    }

    @Override
    public Reaction onMessage(EntityMessage message, Optional<ApiObject> current, Instant now) {
        if (message instanceof ControllerCommands.Scale scale) {
            return scale(scale, current, now);
        }
        if (message instanceof PodRequestDone done) {
            if (done.error() != null) {
                context.getLog().warn("{} pod {} failed: {}", done.create() ? "creating" : "deleting", done.podName(),
                        done.error());
                (done.create() ? expectedCreates : expectedDeletes).remove(done.podName());
            }
            return Reaction.none();
        }
        if (!(message instanceof ControllerCommands.ObservedPods observed) || current.isEmpty()
                || !current.get().metadata().uid().equals(observed.controllerUid())) {
            return Reaction.none();
        }
        ReplicationController rc = (ReplicationController) current.get();
        reconcile(rc, observed.pods(), now);
        ReplicationControllerStatus status = status(rc, observed.pods(), now);
        return status.equals(rc.status()) ? Reaction.none() : Reaction.write(rc.withStatus(status));
    }

    /** A new spec.replicas: a spec change like an apply's (new generation and resourceVersion). */
    private static Reaction scale(ControllerCommands.Scale scale, Optional<ApiObject> current, Instant now) {
        if (current.isEmpty()) {
            scale.replyTo().tell(new ApiResponse.Failure(ApiError.notFound(
                    dev.herder.controlplane.objects.ApiObjects.describe(ReplicationController.KIND, scale.name()) + " not found")));
            return Reaction.none();
        }
        ReplicationController rc = (ReplicationController) current.get();
        Runnable answer = () -> scale.replyTo().tell(new ApiResponse.Applied(List.of(new ApiResponse.ApplyOutcome(
                rc.kind(), rc.metadata().namespace(), rc.metadata().name(), SCALED, null, null, List.of()))));
        if (rc.spec().replicas() != null && rc.spec().replicas() == scale.replicas()) {
            answer.run();
            return Reaction.none();
        }
        ObjectMeta m = rc.metadata();
        long generation = m.generation() == null ? 1 : m.generation();
        ObjectMeta meta = new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(), m.annotations(), m.uid(),
                Versions.next(m.resourceVersion(), now), generation + 1, m.creationTimestamp(), m.deletionTimestamp(),
                m.ownerReferences());
        ReplicationControllerSpec spec = rc.spec();
        ReplicationController scaled = new ReplicationController(rc.apiVersion(), rc.kind(), meta,
                new ReplicationControllerSpec(scale.replicas(), spec.minReadySeconds(), spec.selector(), spec.template()),
                rc.status());
        return new Reaction(scaled, stored -> answer.run(),
                error -> scale.replyTo().tell(new ApiResponse.Failure(error)));
    }

    private void reconcile(ReplicationController rc, List<ControllerCommands.PodSummary> pods, Instant now) {
        Map<String, ControllerCommands.PodSummary> byName = new HashMap<>();
        pods.forEach(p -> byName.put(p.name(), p));
        expectedCreates.entrySet().removeIf(e -> byName.containsKey(e.getKey()) || expired(e.getValue(), now));
        expectedDeletes.entrySet().removeIf(e -> !byName.containsKey(e.getKey()) || expired(e.getValue(), now));
        List<ControllerCommands.PodSummary> active = pods.stream()
                .filter(p -> p.active() && !expectedDeletes.containsKey(p.name())).toList();
        int want = rc.spec().replicas() == null ? 1 : rc.spec().replicas();
        int diff = want - active.size() - expectedCreates.size();
        for (int i = 0; i < diff; i++) {
            create(rc, now);
        }
        if (diff < 0) {
            active.stream().sorted(SURPLUS_FIRST).limit(-diff).forEach(p -> delete(rc, p.name(), now));
        }
    }

    /** Unbound before bound, not ready before ready, newest before oldest. */
    private static final Comparator<ControllerCommands.PodSummary> SURPLUS_FIRST = Comparator
            .comparing((ControllerCommands.PodSummary p) -> p.nodeName() != null)
            .thenComparing(ControllerCommands.PodSummary::ready)
            .thenComparing(p -> String.valueOf(p.created()), Comparator.reverseOrder());

    private void create(ReplicationController rc, Instant now) {
        String name = rc.metadata().name() + "-" + suffix();
        Pod pod = podFor(rc, name);
        expectedCreates.put(name, now);
        context.ask(ApiResponse.class, Entities.ref(context.getSystem(), Pod.KIND, pod.key()), askTimeout,
                replyTo -> new EntityCommand.Apply(pod, replyTo), (rsp, failure) -> new PodRequestDone(name, true,
                        failure != null ? failure.getMessage() : createError(rsp)));
    }

    private static String createError(ApiResponse rsp) {
        if (rsp instanceof ApiResponse.Applied applied && applied.allSucceeded()) {
            return null;
        }
        return String.valueOf(rsp);
    }

    private void delete(ReplicationController rc, String name, Instant now) {
        expectedDeletes.put(name, now);
        String key = rc.metadata().namespace() + "/" + name;
        context.ask(ApiResponse.class, Entities.ref(context.getSystem(), Pod.KIND, key), askTimeout,
                EntityCommand.Delete::new, (rsp, failure) -> new PodRequestDone(name, false,
                        failure != null ? failure.getMessage()
                                : rsp instanceof ApiResponse.Deleted || rsp instanceof ApiResponse.Failure ? null
                                : String.valueOf(rsp)));
    }

    /** A pod of the controller's template, owned by it. */
    static Pod podFor(ReplicationController rc, String name) {
        ObjectMeta t = rc.spec().template().metadata();
        OwnerReference owner = new OwnerReference("v1", ReplicationController.KIND, rc.metadata().name(),
                rc.metadata().uid(), true, true);
        ObjectMeta meta = new ObjectMeta(name, null, rc.metadata().namespace(), t == null ? null : t.labels(),
                t == null ? null : t.annotations(), null, null, null, null, null, List.of(owner));
        return new Pod("v1", Pod.KIND, meta, rc.spec().template().spec(), null);
    }

    static ReplicationControllerStatus status(ReplicationController rc, List<ControllerCommands.PodSummary> pods,
                                              Instant now) {
        List<ControllerCommands.PodSummary> active = pods.stream().filter(ControllerCommands.PodSummary::active).toList();
        int ready = (int) active.stream().filter(ControllerCommands.PodSummary::ready).count();
        int minReady = rc.spec().minReadySeconds() == null ? 0 : rc.spec().minReadySeconds();
        int available = (int) active.stream().filter(p -> p.ready() && (minReady == 0 || p.readySince() == null
                || !Instant.parse(p.readySince()).plusSeconds(minReady).isAfter(now))).count();
        return new ReplicationControllerStatus(active.size(), active.size(), ready, available,
                rc.metadata().generation());
    }

    private static boolean expired(Instant since, Instant now) {
        return since.plus(EXPECTATION_TIMEOUT).isBefore(now);
    }

    private static String suffix() {
        StringBuilder out = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            out.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return out.toString();
    }
}
