package dev.herder.controlplane.controllers;

import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.KindRules;
import dev.herder.controlplane.objects.ObjectWrites;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.api.RolloutState;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.ReplicationControllerCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * A ReplicationController's entity: the only writer of the controller, and the one that keeps its pods at
 * {@code replicas}. The Master tells it which pods it has ({@link ReplicationControllerCommand.ObservedPods}); it creates
 * pods from its template (named {@code <rc>-<5 random chars>}, owned by it, labelled with the template's hash)
 * or deletes the surplus (unbound, then not ready, then newest first); when the template changes it rolls the
 * pods over to it within maxSurge and maxUnavailable ({@link RolloutPlan}); and it records what it saw in its
 * status.
 *
 * <p>The Master's view trails the store a little, so the entity remembers what it asked for and has not seen
 * yet (Kubernetes calls these expectations): a pod it created counts until the Master reports it, one it
 * deleted stops counting at once, each for at most {@link #EXPECTATION_TIMEOUT}.
 *
 * <p>It records an event for each pod it creates or deletes (or fails to) and for each turn of a rollout.
 */
public final class ReplicationControllerRules implements KindRules {
    static final Duration EXPECTATION_TIMEOUT = Duration.ofSeconds(30);
    /**
     * At most this many pods of one controller are being created (asked for and not yet seen by the Master) at
     * once, as Kubernetes' burstReplicas: a controller scaled to thousands creates them in waves rather than
     * asking every pod's entity at once (which, each loading its bucket with a majority read, time out together).
     */
    static final int BURST_CREATES = 100;
    static final String SCALED = "scaled";
    /** How often steps that wait on time alone (a pod Ready for minReadySeconds) are looked for. */
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How old a report of the pods may be for a tick to act on it (the Master re-sends every 10 s). */
    private static final Duration FRESH = Duration.ofSeconds(15);
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final int SUFFIX_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A create or delete the entity asked a Pod's entity for came back. */
    record PodRequestDone(String podName, boolean create, String error, boolean mayHaveHappened) implements EntityInput {
    }

    private final ActorContext<EntityInput> context;
    private final ObjectWrites writes;
    private final EventSink events;
    private final Map<String, Instant> expectedCreates = new HashMap<>();
    /** Pods asked to be deleted, not acknowledged yet: they still count towards the total (maxSurge). */
    private final Map<String, Instant> deletesInFlight = new HashMap<>();
    /** Pods whose delete was acknowledged and that the Master may still report. */
    private final Map<String, Instant> deleted = new HashMap<>();
    /** The latest report of the controller's pods: steps that wait on time (minReadySeconds) are taken on a tick. */
    private ReplicationControllerCommand.ObservedPods lastObserved;
    private Instant lastObservedAt = Instant.EPOCH;
    /** The revision whose completion was last recorded as an event (null: not looked yet). */
    private Long lastCompleteRevision;

    public ReplicationControllerRules(ActorContext<EntityInput> context, EventSink events) {
        this.context = context;
        this.writes = new ObjectWrites(Stores.get(context.getSystem()).objects());
        this.events = events;
    }

    /** The Master's feed carries the controller as its view has it: newer than the entity's after a user's write. */
    @Override
    public Optional<ApiObject> carried(EntityInput message) {
        return message instanceof ReplicationControllerCommand.ObservedPods observed
                ? Optional.ofNullable(observed.controller()) : Optional.empty();
    }

    @Override
    public Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        if (message instanceof PodRequestDone done) {
            current.ifPresent(rc -> recordDone(rc, done));
            if (done.error() != null) {
                context.getLog().warn("{} pod {} failed: {}", done.create() ? "creating" : "deleting", done.podName(),
                        done.error());
                // A create that timed out may still have been stored (the node that wrote it may have died after
                // replicating it): it keeps counting until the Master sees it, or EXPECTATION_TIMEOUT passes,
                // so that a failover never leaves a pod and its unneeded twin.
                if (!done.create() || !done.mayHaveHappened()) {
                    (done.create() ? expectedCreates : deletesInFlight).remove(done.podName());
                }
            } else if (!done.create() && deletesInFlight.remove(done.podName()) != null) {
                deleted.put(done.podName(), now);
            }
            return Reaction.none();
        }
        if (!(message instanceof ReplicationControllerCommand.ObservedPods observed) || current.isEmpty()
                || !current.get().metadata().uid().equals(observed.controllerUid())) {
            return Reaction.none();
        }
        lastObserved = observed;
        lastObservedAt = now;
        return reconciled(current, now);
    }

    @Override
    public Optional<Duration> tickInterval() {
        return Optional.of(TICK);
    }

    @Override
    public Reaction onTick(Optional<ApiObject> current, Instant now) {
        // a report older than the Master's resync is not acted on: with no Master (a failover) nothing is done
        if (lastObserved == null || current.isEmpty() || lastObservedAt.plus(FRESH).isBefore(now)
                || !current.get().metadata().uid().equals(lastObserved.controllerUid())) {
            return Reaction.none();
        }
        return reconciled(current, now);
    }

    private Reaction reconciled(Optional<ApiObject> current, Instant now) {
        ReplicationController rc = (ReplicationController) current.get();
        ReplicationControllerCommand.ObservedPods observed = lastObserved;
        if (rc.metadata().deletionTimestamp() != null) {
            return deletedInForeground(rc, observed.pods(), now);
        }
        // the template's hash, once per look: reconcile, status and tracker all compare pods with it
        String hash = TemplateHash.of(rc.spec().template());
        reconcile(rc, hash, observed.pods(), now);
        RolloutTracker next = RolloutTracker.next(rc, hash, status(rc, hash, observed.pods(), now), now);
        recordRollout(rc, rc.status() == null ? null : rc.status().rollout(), next.status());
        if (next.rollbackTo() != null) {
            context.getLog().warn("replication controller {}: {}; rolling back to the previous template", rc.key(),
                    next.status().rollout().message());
            return Reaction.write(new ReplicationController(rc.apiVersion(), rc.kind(), nextGeneration(rc.metadata(), now),
                    rc.spec().withTemplate(next.rollbackTo()), next.status()));
        }
        return next.status().equals(rc.status()) ? Reaction.none() : Reaction.write(rc.withStatus(next.status()));
    }

    private void recordDone(ApiObject rc, PodRequestDone done) {
        if (done.error() == null) {
            events.record(rc, Event.NORMAL, done.create() ? "SuccessfulCreate" : "SuccessfulDelete",
                    (done.create() ? "Created pod: " : "Deleted pod: ") + done.podName());
        } else {
            events.record(rc, Event.WARNING, done.create() ? "FailedCreate" : "FailedDelete",
                    "Error " + (done.create() ? "creating" : "deleting") + " pod " + done.podName() + ": " + done.error());
        }
    }

    /** An event for each turn of a rollout: a new revision, complete, failed, rolled back. */
    private void recordRollout(ApiObject rc, RolloutState was, ReplicationControllerStatus next) {
        RolloutState now = next.rollout();
        if (lastCompleteRevision == null) {
            // a controller's first revision (its creation) and a scale within a revision are no rollouts
            if (was == null) {
                lastCompleteRevision = now == null ? null : now.revision();
            } else if (RolloutState.COMPLETE.equals(was.phase()) || next.history().size() < 2) {
                lastCompleteRevision = was.revision();
            } else {
                lastCompleteRevision = -1L; // a rollout under way when this entity started: its end is news
            }
        }
        boolean sameRevision = java.util.Objects.equals(was == null ? null : was.revision(), now == null ? null : now.revision());
        if (was == null || now == null || (sameRevision && java.util.Objects.equals(was.phase(), now.phase()))) {
            return;
        }
        if (!sameRevision) {
            events.record(rc, Event.NORMAL, "RolloutStarted", now.rolledBackFrom() != null ? now.message()
                    : "Rolling out revision " + now.revision() + " (template " + now.templateHash() + ")");
        }
        switch (now.phase()) {
            case RolloutState.COMPLETE -> {
                if (!java.util.Objects.equals(lastCompleteRevision, now.revision())) {
                    lastCompleteRevision = now.revision();
                    events.record(rc, Event.NORMAL, "RolloutComplete",
                            "Revision " + now.revision() + " is rolled out: every pod runs its template and is available");
                }
            }
            case RolloutState.FAILED -> events.record(rc, Event.WARNING, "RolloutFailed", now.message());
            case RolloutState.ROLLED_BACK -> {
                if (now.rolledBackFrom() != null) {
                    events.record(rc, Event.NORMAL, "RollbackComplete", now.message());
                } else {
                    events.record(rc, Event.WARNING, "RolledBack", "Revision " + now.revision() + " " + now.message()
                            + "; putting the previous revision's template back (autoRollback)");
                }
            }
            default -> { }
        }
    }

    /** The metadata of a spec change the controller makes itself (a rollback): as an apply's would be. */
    /**
     * A controller deleted in the foreground: its pods are deleted first (none is created), and once none is left
     * (nor a delete on its way) the controller itself is removed.
     */
    private Reaction deletedInForeground(ReplicationController rc, List<ReplicationControllerCommand.PodSummary> pods,
                                         Instant now) {
        Set<String> seen = new HashSet<>();
        pods.forEach(p -> seen.add(p.name()));
        expectedCreates.entrySet().removeIf(e -> seen.contains(e.getKey()) || expired(e.getValue(), now));
        deletesInFlight.entrySet().removeIf(e -> !seen.contains(e.getKey()) || expired(e.getValue(), now));
        deleted.entrySet().removeIf(e -> !seen.contains(e.getKey()) || expired(e.getValue(), now));
        if (pods.isEmpty() && deletesInFlight.isEmpty() && expectedCreates.isEmpty()) {
            context.getLog().info("replication controller {}: its pods are gone; removing it (foreground delete)",
                    rc.key());
            return Reaction.remove();
        }
        pods.stream().map(ReplicationControllerCommand.PodSummary::name)
                .filter(name -> !deletesInFlight.containsKey(name) && !deleted.containsKey(name))
                .forEach(name -> delete(rc, name, now));
        return Reaction.none();
    }

    private static ObjectMeta nextGeneration(ObjectMeta m, Instant now) {
        long generation = m.generation() == null ? 1 : m.generation();
        return ApiObjects.meta(m, m.uid(), m.resourceVersion(), generation + 1, m.creationTimestamp());
    }

    private void reconcile(ReplicationController rc, String hash, List<ReplicationControllerCommand.PodSummary> pods,
                           Instant now) {
        Set<String> seen = new HashSet<>();
        pods.forEach(p -> seen.add(p.name()));
        expectedCreates.entrySet().removeIf(e -> seen.contains(e.getKey()) || expired(e.getValue(), now));
        deletesInFlight.entrySet().removeIf(e -> !seen.contains(e.getKey()) || expired(e.getValue(), now));
        deleted.entrySet().removeIf(e -> !seen.contains(e.getKey()) || expired(e.getValue(), now));
        Set<String> deleting = new HashSet<>(deletesInFlight.keySet());
        deleting.addAll(deleted.keySet());
        RolloutPlan plan = RolloutPlan.of(rc.spec(), hash, pods, expectedCreates.size(), deleting, now);
        int creates = createsNow(plan.create(), expectedCreates.size());
        if (creates > 0 || !plan.delete().isEmpty()) {
            context.getLog().info("replication controller {}: creating {} pods of template {}, deleting {} (it has {}"
                    + " active pods, {} being created, {} being deleted)", rc.key(), creates, hash, plan.delete(),
                    pods.stream().filter(ReplicationControllerCommand.PodSummary::active).count(), expectedCreates.size(), deleting);
        }
        for (int i = 0; i < creates; i++) {
            create(rc, hash, now);
        }
        plan.delete().forEach(name -> delete(rc, name, now));
    }

    /** Of the pods the plan wants created, those that fit in the burst beside the creates still outstanding. */
    static int createsNow(int planned, int outstanding) {
        return Math.min(planned, Math.max(0, BURST_CREATES - outstanding));
    }

    private void create(ReplicationController rc, String hash, Instant now) {
        String name = rc.metadata().name() + "-" + suffix();
        Pod pod = podFor(rc, name, hash);
        expectedCreates.put(name, now);
        context.pipeToSelf(writes.create(pod), (result, failure) -> new PodRequestDone(name, true,
                failure != null ? String.valueOf(failure) : result instanceof Result.Stored ? null
                        : ObjectWrites.error(pod, result).message(),
                failure != null || result instanceof Result.Failed f && f.error().mayHaveHappened()));
    }

    private void delete(ReplicationController rc, String name, Instant now) {
        deletesInFlight.put(name, now);
        Pod pod = podFor(rc, name, "");
        context.pipeToSelf(writes.store().commit(new Change.Delete(pod)), (result, failure) -> new PodRequestDone(name,
                false, failure != null ? String.valueOf(failure)
                        : result instanceof Result.Failed f ? f.error().getMessage() : null, true));
    }

    /** A pod of the controller's template, owned by it and labelled with the template's hash. */
    static Pod podFor(ReplicationController rc, String name, String hash) {
        ObjectMeta t = rc.spec().template().metadata();
        Map<String, String> labels = new java.util.TreeMap<>(t == null || t.labels() == null ? Map.of() : t.labels());
        labels.put(TemplateHash.LABEL, hash);
        OwnerReference owner = new OwnerReference("v1", ReplicationController.KIND, rc.metadata().name(),
                rc.metadata().uid(), true, true);
        ObjectMeta meta = new ObjectMeta(name, null, rc.metadata().namespace(), labels,
                t == null ? null : t.annotations(), null, null, null, null, null, List.of(owner));
        return new Pod("v1", Pod.KIND, meta, rc.spec().template().spec(), null);
    }

    static ReplicationControllerStatus status(ReplicationController rc, List<ReplicationControllerCommand.PodSummary> pods,
                                              Instant now) {
        return status(rc, TemplateHash.of(rc.spec().template()), pods, now);
    }

    private static ReplicationControllerStatus status(ReplicationController rc, String hash,
                                                      List<ReplicationControllerCommand.PodSummary> pods, Instant now) {
        List<ReplicationControllerCommand.PodSummary> active = pods.stream().filter(ReplicationControllerCommand.PodSummary::active).toList();
        int ready = (int) active.stream().filter(ReplicationControllerCommand.PodSummary::ready).count();
        int minReady = rc.spec().minReadySeconds() == null ? 0 : rc.spec().minReadySeconds();
        int available = (int) active.stream().filter(p -> RolloutPlan.available(p, minReady, now)).count();
        int updated = (int) active.stream().filter(p -> hash.equals(p.templateHash())).count();
        return new ReplicationControllerStatus(active.size(), active.size(), ready, available,
                rc.metadata().generation(), updated);
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
