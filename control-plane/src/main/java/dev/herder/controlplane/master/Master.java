package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.pods.PodSpecs;
import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.controlplane.scheduling.NodeInfo;
import dev.herder.controlplane.scheduling.Placement;
import dev.herder.controlplane.scheduling.Scheduler;
import dev.herder.controlplane.services.PortAllocation;
import dev.herder.controlplane.store.Informer;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The Master, a cluster singleton: the scheduler, node eviction, orphan collection, the hand-out of pods to
 * agents, and the feed that tells each replication controller and service its pods. It keeps nothing the store
 * does not have: it lists pods, nodes, controllers and services at a revision and watches every change after it
 * ({@link Informer}), so a new Master is current as soon as its lists return. Its writes go straight to the
 * store, each guarded on the version its view has (binds of one pass in one commit), so a Master acting on a
 * stale view can waste a write but never place a pod on two nodes.
 */
public final class Master extends AbstractBehavior<Master.Command> {
    private static final String SCHEDULE = "schedule";
    private static final String RESYNC = "resync";
    private static final String FEED = "feed";
    private static final String EVICT = "evict";
    private static final Duration EVICTION_CHECK = Duration.ofSeconds(1);
    private static final List<String> WATCHED = List.of(Pod.KIND, Node.KIND, ReplicationController.KIND, Service.KIND);

    /**
     * Messages of the Master. Only {@link MasterProtocol}'s come from other JVMs, and only they are wire messages;
     * the rest are its own (informers' news, timers, the store's answers).
     */
    public interface Command {
    }

    private record Listed(String kind, List<ApiObject> objects, long revision) implements Command {
    }

    private record Changed(String kind, List<Informer.ObjectChange> changes) implements Command {
    }

    /** An informer's list or watch failed (it tries again by itself). */
    private record ReadFailed(String kind, String why) implements Command {
    }

    private record Schedule() implements Command {
    }

    private record Resync() implements Command {
    }

    private record Feed() implements Command {
    }

    private record EvictionCheck() implements Command {
    }

    private record Bound(List<PodWriter.Bind> binds, List<Result> results, Throwable failure) implements Command {
    }

    /** The store's answer about an owner the view lacks: whether it exists with that uid. */
    private record OwnerChecked(Orphans.Suspect suspect, boolean exists) implements Command {
    }

    private final ControlPlaneSettings settings;
    private final TimerScheduler<Command> timers;
    private final ObjectStore store;
    private final PodWriter pods;
    private final ClusterView view = new ClusterView();
    private final Scheduler scheduler = new Scheduler();
    private final Orphans orphans = new Orphans();
    private final Evictions evictions;
    /** Pods whose binding waits for the store, with the node chosen: counted on that node meanwhile. */
    private final Map<String, Pod> bindsInFlight = new HashMap<>();
    private final AgentLink agents;
    private final ControllerFeed controllers;
    private final ServiceFeed services;
    private final PortAllocation ports;
    private final List<Informer> informers = new ArrayList<>();
    /** What each node has room for, with the pods the view has bound to it (see {@link #nodeInfos}). */
    private final Map<String, NodeInfo> nodeInfoCache = new HashMap<>();
    /**
     * Kinds not listed yet since this Master started. Until every one is, the view may lack objects the store
     * has, so the Master places nothing and tells no agent or controller anything: a partial view would look like
     * pods gone (an agent would stop them) or missing (a controller would make more).
     */
    private final Set<String> unlisted = new HashSet<>(WATCHED);
    /**
     * Pods no node could take, with the capacity epoch at which that was decided: they are tried again only
     * once the epoch moves (a node changed or a bound pod left), as Kubernetes' unschedulable queue does.
     */
    private final Map<String, Long> unschedulableAt = new HashMap<>();
    /** When the last scheduling pass ended and how long it took: the next starts no sooner than twice that after. */
    private long lastPassEndNanos;
    private long lastPassNanos;
    /** When replication controllers and services were last told their pods. */
    private long lastFeedNanos;
    private final EventSink schedulerEvents;
    private final EventSink nodeEvents;

    private Master(ActorContext<Command> context, TimerScheduler<Command> timers, ControlPlaneSettings settings) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        this.store = Stores.get(context.getSystem()).objects();
        this.pods = new PodWriter(store);
        this.evictions = new Evictions(settings.podEvictionTimeout());
        this.agents = new AgentLink(context.getSystem());
        this.controllers = new ControllerFeed(context.getSystem());
        this.services = new ServiceFeed(context.getSystem());
        this.ports = new PortAllocation(settings.nodePortRange());
        this.schedulerEvents = Events.get(context.getSystem()).sink(Events.SCHEDULER);
        this.nodeEvents = Events.get(context.getSystem()).sink(Events.NODE_CONTROLLER);
        var self = context.getSelf();
        Informer.Listener listener = new Informer.Listener() {
            @Override
            public void listed(String kind, List<ApiObject> objects, long revision) {
                self.tell(new Listed(kind, objects, revision));
            }

            @Override
            public void changed(String kind, List<Informer.ObjectChange> changes, long revision) {
                self.tell(new Changed(kind, changes));
            }

            @Override
            public void failed(String kind, Throwable error) {
                self.tell(new ReadFailed(kind, String.valueOf(error.getMessage())));
            }
        };
        WATCHED.forEach(kind -> informers.add(Informer.start(store, kind, listener)));
        timers.startTimerWithFixedDelay(RESYNC, new Resync(), settings.assignmentResync());
        timers.startTimerWithFixedDelay(EVICT, new EvictionCheck(), EVICTION_CHECK);
        context.getLog().info("Master is up on {}", Cluster.get(context.getSystem()).selfMember().address());
    }

    public static Behavior<Command> create(ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Master(ctx, timers, settings)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Listed.class, this::onListed)
                .onMessage(Changed.class, this::onChanged)
                .onMessage(ReadFailed.class, failed -> {
                    getContext().getLog().warn("reading {} from the store failed ({}); trying again", failed.kind(),
                            failed.why());
                    return this;
                })
                .onMessage(Schedule.class, this::onSchedule)
                .onMessage(Feed.class, f -> feed())
                .onMessage(Resync.class, this::onResync)
                .onMessage(Bound.class, this::onBound)
                .onMessage(OwnerChecked.class, this::onOwnerChecked)
                .onMessage(EvictionCheck.class, this::onEvictionCheck)
                .onMessage(MasterProtocol.WhereAreYou.class, this::onWhereAreYou)
                .onMessage(MasterProtocol.ReservePorts.class, this::onReservePorts)
                .onSignal(PostStop.class, s -> closeInformers())
                .onSignal(PreRestart.class, s -> closeInformers())
                .build();
    }

    private Behavior<Command> closeInformers() {
        informers.forEach(Informer::close);
        return this;
    }

    private Behavior<Command> onListed(Listed listed) {
        view.listed(listed.kind(), listed.objects());
        if (Service.KIND.equals(listed.kind())) {
            ports.seen(view.services());
        }
        if (unlisted.remove(listed.kind()) && unlisted.isEmpty()) {
            getContext().getLog().info("Master has read the store: {} pods, {} nodes, {} replication controllers,"
                    + " {} services (revision {})", view.pods().size(), view.nodes().size(), view.controllers().size(),
                    view.services().size(), listed.revision());
        }
        return scheduleSoon();
    }

    private Behavior<Command> onChanged(Changed changed) {
        changed.changes().forEach(c -> view.changed(changed.kind(), c.id(), c.object()));
        if (Service.KIND.equals(changed.kind())) {
            ports.seen(view.services());
        }
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
            timers.startSingleTimer(SCHEDULE, new Schedule(), Duration.ofNanos(waitNanos));
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
                timers.startSingleTimer(FEED, new Feed(), Duration.ofNanos(interval - (now - lastFeedNanos)));
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
        nodeInfoCache.clear();
        controllers.forgetSent();
        services.forgetSent();
        unschedulableAt.keySet().retainAll(view.pendingKeys());
        lastFeedNanos = 0;
        return onSchedule(new Schedule());
    }

    private Behavior<Command> onSchedule(Schedule tick) {
        if (!unlisted.isEmpty()) {
            return this;
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        Set<String> changedNodes = view.takeChangedNodes();
        Map<String, NodeInfo> infos = nodeInfos(changedNodes);
        List<PodWriter.Bind> binds = new ArrayList<>();
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
                binds.add(new PodWriter.Bind(pod, placed.nodeName()));
                bindsInFlight.put(pod.key(), pod.withSpec(PodSpecs.withNodeName(pod.spec(), placed.nodeName())));
                infos.computeIfPresent(placed.nodeName(), (n, info) -> info.withPod(pod));
            } else {
                unschedulableAt.put(pod.key(), view.capacityEpoch());
                String why = ((Placement.Unschedulable) placement).message();
                schedulerEvents.record(pod, Event.WARNING, "FailedScheduling", why);
                pods.markUnschedulable(pod, why, now);
            }
        }
        if (!binds.isEmpty()) {
            getContext().pipeToSelf(pods.bind(binds, now), (results, failure) -> new Bound(binds, results, failure));
        }
        agents.send(view, changedNodes);
        feed();
        orphans.suspects(view, now).forEach(this::checkOwner);
        lastPassEndNanos = System.nanoTime();
        lastPassNanos = lastPassEndNanos - started;
        return this;
    }

    private void checkOwner(Orphans.Suspect suspect) {
        getContext().pipeToSelf(store.get(ReplicationController.KIND, suspect.namespace(), suspect.name()),
                (found, failure) -> new OwnerChecked(suspect, failure != null
                        || found.filter(rc -> suspect.uid().equals(rc.metadata().uid())).isPresent()));
    }

    private Behavior<Command> onOwnerChecked(OwnerChecked checked) {
        if (!checked.exists()) {
            Orphans.Suspect s = checked.suspect();
            getContext().getLog().info("deleting {} pods of replication controller {}/{}, which is gone",
                    s.pods().size(), s.namespace(), s.name());
            s.pods().forEach(pods::delete);
        }
        return this;
    }

    private Behavior<Command> onEvictionCheck(EvictionCheck check) {
        if (!unlisted.isEmpty()) {
            return this;
        }
        Instant now = Instant.now();
        for (Evictions.Due due : evictions.due(view, now)) {
            if (due.first()) {
                nodeEvents.record(due.pod(), Event.WARNING, PodTransitions.NODE_LOST, "Marking the pod Failed: "
                        + due.message());
            }
            pods.markFailed(due.pod(), PodTransitions.NODE_LOST, due.message(), now);
        }
        return this;
    }

    /**
     * What each node has room for: kept per node and made again only for the nodes whose pods or node object
     * changed since the last pass, then the binds in flight counted on top.
     */
    private Map<String, NodeInfo> nodeInfos(Set<String> changedNodes) {
        nodeInfoCache.keySet().retainAll(view.nodes().keySet());
        view.nodes().forEach((name, node) -> {
            if (changedNodes.contains(name) || !nodeInfoCache.containsKey(name)) {
                NodeInfo info = NodeInfo.of(node);
                for (Pod p : view.boundTo(name)) {
                    info = info.withPod(p);
                }
                nodeInfoCache.put(name, info);
            }
        });
        Map<String, NodeInfo> infos = new HashMap<>(nodeInfoCache);
        bindsInFlight.values().forEach(p -> infos.computeIfPresent(p.spec().nodeName(), (n, info) -> info.withPod(p)));
        return infos;
    }

    private Behavior<Command> onBound(Bound bound) {
        for (int i = 0; i < bound.binds().size(); i++) {
            PodWriter.Bind bind = bound.binds().get(i);
            bindsInFlight.remove(bind.pod().key());
            Optional<Result> result = bound.results() == null ? Optional.empty() : Optional.of(bound.results().get(i));
            if (result.isPresent() && result.get() instanceof Result.Stored stored) {
                Pod pod = (Pod) stored.object();
                view.changed(Pod.KIND, pod.key(), pod);
                schedulerEvents.record(pod, Event.NORMAL, "Scheduled", "Successfully assigned " + pod.key() + " to "
                        + bind.nodeName());
            } else if (result.isEmpty() || result.get() instanceof Result.Failed) {
                getContext().getLog().warn("binding pod {} to {} failed: {}", bind.pod().key(), bind.nodeName(),
                        bound.failure() != null ? bound.failure().getMessage() : result.get());
            }
        }
        return scheduleSoon();
    }

    private Behavior<Command> onReservePorts(MasterProtocol.ReservePorts ask) {
        if (!unlisted.isEmpty()) {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(null, "the Master took over moments ago and is still"
                    + " reading the store; try again in a few seconds"));
            return this;
        }
        try {
            ask.replyTo().tell(new MasterProtocol.PortsReserved(ports.reserve(ask.serviceKey(), ask.type(), ask.ports(),
                    view.services(), Instant.now()), null));
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
