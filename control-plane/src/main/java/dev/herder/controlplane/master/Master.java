package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.EventPruner;
import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.pods.PodCommands;
import dev.herder.controlplane.pods.PodSpecs;
import dev.herder.controlplane.scheduling.NodeInfo;
import dev.herder.controlplane.scheduling.Placement;
import dev.herder.controlplane.scheduling.Scheduler;
import dev.herder.controlplane.store.BucketKey;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.List;
import dev.herder.protocol.wire.WireMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The Master, a cluster singleton: the scheduler, the hand-out of pods to agents, and the feed that tells each
 * replication controller which pods it has. It keeps nothing the
 * store does not have: at takeover it subscribes to the pod and node buckets and rebuilds its view.
 * Binding goes through each Pod's entity, the pod's only writer, which refuses to bind a pod twice, so a
 * Master acting on a stale view can waste a message but never place a pod on two nodes.
 */
public final class Master extends AbstractBehavior<Master.Command> {
    private static final String SCHEDULE = "schedule";
    private static final String RESYNC = "resync";
    private static final String FEED = "feed";
    private static final String EVICT = "evict";
    private static final java.time.Duration EVICTION_CHECK = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration EVICTION_RESEND = java.time.Duration.ofSeconds(5);
    private static final java.time.Duration OWNER_RECHECK = java.time.Duration.ofSeconds(5);
    private static final List<String> WATCHED = List.of(Pod.KIND, Node.KIND, ReplicationController.KIND, Service.KIND);

    /** Messages of the Master; only {@link MasterProtocol} ones come from outside. */
    public interface Command extends WireMessage {
    }

    private record PodsChanged(String bucket, Map<String, ApiObject> entries) implements Command {
    }

    private record NodesChanged(String bucket, Map<String, ApiObject> entries) implements Command {
    }

    private record ControllersChanged(String bucket, Map<String, ApiObject> entries) implements Command {
    }

    private record ServicesChanged(String bucket, Map<String, ApiObject> entries) implements Command {
    }

    private record Schedule() implements Command {
    }

    private record Resync() implements Command {
    }

    private record Feed() implements Command {
    }

    private record EvictionCheck() implements Command {
    }

    /** A bucket as a majority of control-plane nodes has it, read once at takeover; entries null: the read failed. */
    private record BucketLoaded(String bucket, Map<String, ApiObject> entries) implements Command {
    }

    private record ReloadBucket(String bucket) implements Command {
    }

    private record Bound(String podId, PodCommands.BindResult result, Throwable failure) implements Command {
    }

    /** Whether the controller that pods name as their owner still exists (its entity answered). */
    private record OwnerChecked(String owner, boolean exists, List<String> podKeys) implements Command {
    }

    private final ControlPlaneSettings settings;
    private final TimerScheduler<Command> timers;
    private final ClusterView view = new ClusterView();
    private final Scheduler scheduler = new Scheduler();
    /** Pods whose binding waits for the store, with the node chosen: counted on that node meanwhile. */
    private final Map<String, Pod> bindsInFlight = new HashMap<>();
    private final AgentLink agents;
    private final ControllerFeed controllers;
    private final ServiceFeed services;
    private final dev.herder.controlplane.services.PortAllocation ports;
    private final ReplicatorMessageAdapter<Command, ObjectBucket> replicator;
    private final Map<String, BucketKey> keyOfBucket = new HashMap<>();
    private final Map<String, String> kindOfBucket = new HashMap<>();
    /**
     * Buckets not yet read with ReadMajority since this Master started. Until every one is, the view may lack
     * objects the store has, so the Master places nothing and tells no agent or controller anything: a partial
     * view would look like pods gone (an agent would stop them) or missing (a controller would make more).
     */
    private final Set<String> unloaded = new HashSet<>();
    /**
     * Pods no node could take, with the capacity epoch at which that was decided: they are tried again only
     * once the epoch moves (a node changed or a bound pod left), as Kubernetes' unschedulable queue does.
     */
    private final Map<String, Long> unschedulableAt = new HashMap<>();
    /** Owners (namespace/name#uid) of pods whose controller the view lacks, with when they were last checked. */
    private final Map<String, java.time.Instant> ownersChecked = new HashMap<>();
    /** Pods told they failed because their node was lost, with when: told again only after EVICTION_RESEND. */
    private final Map<String, java.time.Instant> evictionsSent = new HashMap<>();
    /** When the last scheduling pass ended and how long it took: the next starts no sooner than twice that after. */
    private long lastPassEndNanos;
    private long lastPassNanos;
    /** When replication controllers and services were last told their pods. */
    private long lastFeedNanos;
    private final EventSink schedulerEvents;
    private final EventSink nodeEvents;

    private Master(ActorContext<Command> context, TimerScheduler<Command> timers,
                   ReplicatorMessageAdapter<Command, ObjectBucket> replicator, StoreKeys keys,
                   ControlPlaneSettings settings) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        this.agents = new AgentLink(context.getSystem());
        this.controllers = new ControllerFeed(context.getSystem());
        this.services = new ServiceFeed(context.getSystem());
        this.ports = new dev.herder.controlplane.services.PortAllocation(settings.nodePortRange());
        this.replicator = replicator;
        this.schedulerEvents = Events.get(context.getSystem()).sink(Events.SCHEDULER);
        this.nodeEvents = Events.get(context.getSystem()).sink(Events.NODE_CONTROLLER);
        context.spawn(EventPruner.create(keys, settings), "event-pruner");
        // The adapter keeps one response mapping for all subscriptions, so it tells the kinds apart by key.
        for (String kind : WATCHED) {
            keys.all(kind).forEach(k -> {
                kindOfBucket.put(k.id(), kind);
                keyOfBucket.put(k.id(), k);
            });
        }
        for (String kind : WATCHED) {
            keys.all(kind).forEach(k -> replicator.subscribe(k, rsp -> changed(rsp, kindOfBucket)));
        }
        unloaded.addAll(keyOfBucket.keySet());
        keyOfBucket.keySet().forEach(this::load);
        timers.startTimerWithFixedDelay(RESYNC, new Resync(), settings.assignmentResync());
        timers.startTimerWithFixedDelay(EVICT, new EvictionCheck(), EVICTION_CHECK);
        context.getLog().info("Master is up on {}", Cluster.get(context.getSystem()).selfMember().address());
    }

    public static Behavior<Command> create(StoreKeys keys, ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                DistributedData.<Command, ObjectBucket>withReplicatorMessageAdapter(replicator ->
                        new Master(ctx, timers, replicator, keys, settings))));
    }

    private static Command changed(Replicator.SubscribeResponse<ObjectBucket> rsp,
                                   Map<String, String> kindOfBucket) {
        String bucket = rsp.key().id();
        Map<String, ApiObject> entries = rsp instanceof Replicator.Changed<ObjectBucket> c
                ? c.get(c.key()).objects() : Map.of();
        return switch (kindOfBucket.get(bucket)) {
            case Pod.KIND -> new PodsChanged(bucket, entries);
            case Node.KIND -> new NodesChanged(bucket, entries);
            case Service.KIND -> new ServicesChanged(bucket, entries);
            default -> new ControllersChanged(bucket, entries);
        };
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(PodsChanged.class, this::onPodsChanged)
                .onMessage(NodesChanged.class, this::onNodesChanged)
                .onMessage(ControllersChanged.class, changed -> {
                    view.controllerBucket(changed.bucket(), changed.entries());
                    return scheduleSoon();
                })
                .onMessage(ServicesChanged.class, changed -> {
                    view.serviceBucket(changed.bucket(), changed.entries());
                    ports.seen(view.services());
                    return scheduleSoon();
                })
                .onMessage(Schedule.class, this::onSchedule)
                .onMessage(Feed.class, f -> feed())
                .onMessage(Resync.class, this::onResync)
                .onMessage(Bound.class, this::onBound)
                .onMessage(OwnerChecked.class, this::onOwnerChecked)
                .onMessage(EvictionCheck.class, this::onEvictionCheck)
                .onMessage(BucketLoaded.class, this::onBucketLoaded)
                .onMessage(ReloadBucket.class, r -> {
                    load(r.bucket());
                    return this;
                })
                .onMessage(MasterProtocol.WhereAreYou.class, this::onWhereAreYou)
                .onMessage(MasterProtocol.ReservePorts.class, this::onReservePorts)
                .build();
    }

    private Behavior<Command> onPodsChanged(PodsChanged changed) {
        view.podBucket(changed.bucket(), changed.entries());
        return scheduleSoon();
    }

    private Behavior<Command> onNodesChanged(NodesChanged changed) {
        view.nodeBucket(changed.bucket(), changed.entries());
        return scheduleSoon();
    }

    /**
     * A pass after the debounce pause; under load (a pass over many pods takes long) no sooner than twice the last
     * pass's length after it ended, so that passes never take more than a third of the Master's time.
     */
    private Behavior<Command> scheduleSoon() {
        if (!timers.isTimerActive(SCHEDULE)) {
            long sinceLast = System.nanoTime() - lastPassEndNanos;
            long waitNanos = Math.max(settings.scheduleDebounce().toNanos(), 2 * lastPassNanos - sinceLast);
            timers.startSingleTimer(SCHEDULE, new Schedule(), java.time.Duration.ofNanos(waitNanos));
        }
        return this;
    }

    /**
     * Tells each replication controller and service its pods, no sooner after the last time than feed-interval-per-pod
     * times the pods there are, and at most feed-interval after: during a burst the pods of a big controller change
     * with every pass, and a message listing them all is sent each time it is told; a small cluster is told at once.
     */
    private Behavior<Command> feed() {
        long now = System.nanoTime();
        long interval = Math.min(settings.feedInterval().toNanos(),
                settings.feedIntervalPerPod().toNanos() * view.pods().size());
        if (now - lastFeedNanos < interval) {
            if (!timers.isTimerActive(FEED)) {
                timers.startSingleTimer(FEED, new Feed(), java.time.Duration.ofNanos(interval - (now - lastFeedNanos)));
            }
            return this;
        }
        lastFeedNanos = now;
        controllers.send(view);
        services.send(view);
        return this;
    }

    private Behavior<Command> onResync(Resync resync) {
        agents.forgetSent();
        controllers.forgetSent();
        services.forgetSent();
        unschedulableAt.keySet().retainAll(view.pendingKeys());
        lastFeedNanos = 0;
        return onSchedule(new Schedule());
    }

    private void load(String bucket) {
        var key = keyOfBucket.get(bucket);
        replicator.askGet(r -> new Replicator.Get<>(key, new Replicator.ReadMajority(settings.readTimeout()), r),
                rsp -> new BucketLoaded(bucket, rsp instanceof Replicator.GetSuccess<ObjectBucket> ok
                        ? ok.get(key).objects()
                        : rsp instanceof Replicator.NotFound<ObjectBucket> ? Map.of() : null));
    }

    private Behavior<Command> onBucketLoaded(BucketLoaded loaded) {
        if (loaded.entries() == null) {
            getContext().getLog().warn("could not read bucket {} from a majority of control-plane nodes; retrying",
                    loaded.bucket());
            timers.startSingleTimer("reload-" + loaded.bucket(), new ReloadBucket(loaded.bucket()), settings.readTimeout());
            return this;
        }
        switch (kindOfBucket.get(loaded.bucket())) {
            case Pod.KIND -> view.podBucket(loaded.bucket(), loaded.entries());
            case Node.KIND -> view.nodeBucket(loaded.bucket(), loaded.entries());
            case Service.KIND -> view.serviceBucket(loaded.bucket(), loaded.entries());
            default -> view.controllerBucket(loaded.bucket(), loaded.entries());
        }
        if (unloaded.remove(loaded.bucket()) && unloaded.isEmpty()) {
            getContext().getLog().info("Master has read the store: {} pods, {} nodes, {} replication controllers",
                    view.pods().size(), view.nodes().size(), view.controllers().size());
        }
        return scheduleSoon();
    }

    private Behavior<Command> onSchedule(Schedule tick) {
        if (!unloaded.isEmpty()) {
            return this;
        }
        long started = System.nanoTime();
        Map<String, NodeInfo> infos = nodeInfos();
        for (Pod pod : view.pending()) {
            if (bindsInFlight.size() >= settings.maxBindsInFlight()) {
                break;
            }
            Long failedAt = unschedulableAt.get(pod.key());
            if (bindsInFlight.containsKey(pod.key()) || (failedAt != null && failedAt == view.capacityEpoch())) {
                continue;
            }
            Placement placement = scheduler.place(pod, infos.values());
            if (placement instanceof Placement.Placed placed) {
                unschedulableAt.remove(pod.key());
                bind(pod, placed.nodeName());
                infos.computeIfPresent(placed.nodeName(), (n, info) -> info.withPod(pod));
            } else {
                unschedulableAt.put(pod.key(), view.capacityEpoch());
                String why = ((Placement.Unschedulable) placement).message();
                schedulerEvents.record(pod, Event.WARNING, "FailedScheduling", why);
                markUnschedulable(pod, why);
            }
        }
        agents.send(view.nodes(), view.boundByNode());
        feed();
        collectOrphans();
        lastPassEndNanos = System.nanoTime();
        lastPassNanos = lastPassEndNanos - started;
        return this;
    }

    /**
     * Deletes the pods of a controller that was deleted (a background cascade). The view may lag behind the store
     * (a controller created a moment ago, or a Master just taking over), so a missing owner is first confirmed by
     * asking its entity, which reads the store with a majority; each owner at most every OWNER_RECHECK.
     */
    private void collectOrphans() {
        Set<String> live = new HashSet<>();
        view.controllers().values().forEach(rc -> live.add(rc.metadata().uid()));
        Map<String, List<String>> byOwner = new HashMap<>();
        for (Pod p : view.pods()) {
            var owner = dev.herder.controlplane.controllers.ControllerPods.controllerOf(p);
            if (owner != null && ReplicationController.KIND.equals(owner.kind()) && !live.contains(owner.uid())
                    && p.metadata().deletionTimestamp() == null) {
                byOwner.computeIfAbsent(p.metadata().namespace() + "/" + owner.name() + "#" + owner.uid(),
                        k -> new java.util.ArrayList<>()).add(p.key());
            }
        }
        java.time.Instant now = java.time.Instant.now();
        ownersChecked.keySet().retainAll(byOwner.keySet());
        byOwner.forEach((owner, pods) -> {
            java.time.Instant last = ownersChecked.get(owner);
            if (last != null && last.plus(OWNER_RECHECK).isAfter(now)) {
                return;
            }
            ownersChecked.put(owner, now);
            String id = owner.substring(0, owner.indexOf('#'));
            String uid = owner.substring(owner.indexOf('#') + 1);
            getContext().pipeToSelf(Entities.ref(getContext().getSystem(), ReplicationController.KIND, id)
                            .<dev.herder.protocol.wire.ApiResponse>ask(
                                    dev.herder.controlplane.objects.EntityCommand.Get::new, settings.askTimeout()),
                    (rsp, failure) -> new OwnerChecked(owner, failure != null
                            || (rsp instanceof dev.herder.protocol.wire.ApiResponse.Objects o && !o.items().isEmpty()
                            && uid.equals(o.items().get(0).metadata().uid())), pods));
        });
    }

    /**
     * The node lifecycle's eviction: the pods of a node not Ready whose last heartbeat is older than the
     * eviction timeout are marked Failed (NodeLost), so that their controllers replace them elsewhere.
     */
    private Behavior<Command> onEvictionCheck(EvictionCheck check) {
        if (!unloaded.isEmpty()) {
            return this;
        }
        java.time.Instant now = java.time.Instant.now();
        Map<String, List<Pod>> bound = view.boundByNode();
        Set<String> stillDue = new HashSet<>();
        view.nodes().forEach((name, node) -> {
            java.time.Instant lastHeartbeat = lostSince(node);
            if (lastHeartbeat == null || lastHeartbeat.plus(settings.podEvictionTimeout()).isAfter(now)) {
                return;
            }
            for (Pod p : bound.getOrDefault(name, List.of())) {
                if (PodCommands.ended(p) || p.metadata().deletionTimestamp() != null) {
                    continue;
                }
                stillDue.add(p.key());
                java.time.Instant sent = evictionsSent.get(p.key());
                if (sent != null && sent.plus(EVICTION_RESEND).isAfter(now)) {
                    continue;
                }
                String why = "node " + name + " stopped posting heartbeats (last at " + lastHeartbeat
                        + "); the pod was evicted after " + settings.podEvictionTimeout().toSeconds()
                        + " s (pod-eviction-timeout)";
                if (sent == null) {
                    nodeEvents.record(p, Event.WARNING, PodCommands.NODE_LOST, "Marking the pod Failed: " + why);
                }
                evictionsSent.put(p.key(), now);
                Entities.ref(getContext().getSystem(), Pod.KIND, p.key()).tell(new PodCommands.MarkFailed(
                        p.metadata().uid(), PodCommands.NODE_LOST, why));
            }
        });
        evictionsSent.keySet().retainAll(stillDue);
        return this;
    }

    /** When a node that is not Ready sent its last heartbeat (null when it is Ready or never said). */
    private static java.time.Instant lostSince(Node node) {
        if (node.status() == null || node.status().conditions() == null) {
            return null;
        }
        return node.status().conditions().stream()
                .filter(c -> "Ready".equals(c.type()) && !"True".equals(c.status()) && c.lastHeartbeatTime() != null)
                .map(c -> java.time.Instant.parse(c.lastHeartbeatTime())).findFirst().orElse(null);
    }

    private Behavior<Command> onOwnerChecked(OwnerChecked checked) {
        if (!checked.exists()) {
            getContext().getLog().info("deleting {} pods of replication controller {}, which is gone",
                    checked.podKeys().size(), checked.owner());
            for (String key : checked.podKeys()) {
                Entities.ref(getContext().getSystem(), Pod.KIND, key).tell(
                        new dev.herder.controlplane.objects.EntityCommand.Delete(getContext().getSystem().ignoreRef()));
            }
        }
        return this;
    }

    private Map<String, NodeInfo> nodeInfos() {
        Map<String, NodeInfo> infos = new HashMap<>();
        view.nodes().forEach((name, node) -> infos.put(name, NodeInfo.of(node)));
        view.boundByNode().forEach((name, pods) -> infos.computeIfPresent(name, (n, info) -> {
            NodeInfo out = info;
            for (Pod p : pods) {
                out = out.withPod(p);
            }
            return out;
        }));
        bindsInFlight.values().forEach(p -> infos.computeIfPresent(p.spec().nodeName(), (n, info) -> info.withPod(p)));
        return infos;
    }

    private void bind(Pod pod, String nodeName) {
        String id = pod.key();
        bindsInFlight.put(id, pod.withSpec(PodSpecs.withNodeName(pod.spec(), nodeName)));
        getContext().pipeToSelf(Entities.ref(getContext().getSystem(), Pod.KIND, id).<PodCommands.BindResult>ask(
                        replyTo -> new PodCommands.Bind(nodeName, pod.metadata().uid(), replyTo), settings.askTimeout()),
                (result, failure) -> new Bound(id, result, failure));
    }

    private void markUnschedulable(Pod pod, String message) {
        PodCondition scheduled = pod.status() == null || pod.status().conditions() == null ? null
                : pod.status().conditions().stream().filter(c -> "PodScheduled".equals(c.type())).findFirst().orElse(null);
        if (scheduled == null || !message.equals(scheduled.message())) {
            Entities.ref(getContext().getSystem(), Pod.KIND, pod.key())
                    .tell(new PodCommands.MarkUnschedulable(pod.metadata().uid(), message));
        }
    }

    private Behavior<Command> onBound(Bound bound) {
        Pod asked = bindsInFlight.remove(bound.podId());
        if (bound.failure() != null) {
            getContext().getLog().warn("binding pod {} failed: {}", bound.podId(), bound.failure().getMessage());
        } else if (bound.result().pod() != null) {
            Pod pod = bound.result().pod();
            view.podUpdated(pod);
            if (asked != null && asked.spec().nodeName().equals(pod.spec().nodeName())) {
                schedulerEvents.record(pod, Event.NORMAL, "Scheduled", "Successfully assigned " + pod.key() + " to "
                        + pod.spec().nodeName());
            }
        }
        return scheduleSoon();
    }

    private Behavior<Command> onReservePorts(MasterProtocol.ReservePorts ask) {
        if (!unloaded.isEmpty()) {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(null, "the Master took over moments ago and is still"
                    + " reading the store; try again in a few seconds"));
            return this;
        }
        try {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(ports.reserve(ask.serviceKey(), ask.type(), ask.ports(),
                    view.services(), java.time.Instant.now()), null));
        } catch (IllegalArgumentException e) {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(null, e.getMessage()));
        }
        return this;
    }

    private Behavior<Command> onWhereAreYou(MasterProtocol.WhereAreYou ask) {
        var address = Cluster.get(getContext().getSystem()).selfMember().address();
        ask.replyTo().tell(new MasterProtocol.Location(address.getHost().orElse("?") + ":" + address.getPort().orElse(0)));
        return this;
    }
}
