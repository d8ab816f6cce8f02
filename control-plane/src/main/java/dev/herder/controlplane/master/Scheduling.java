package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.pods.PodSpecs;
import dev.herder.controlplane.scheduling.NodeInfo;
import dev.herder.controlplane.scheduling.Placement;
import dev.herder.controlplane.scheduling.Scheduler;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The Master's scheduler: places pending pods on nodes with room and binds them, the binds of one pass in one
 * commit, each guarded on the version its view has, so a scheduler acting on a stale view can waste a write but never
 * place a pod on two nodes. A pass follows the news after a short pause (batching a burst), and costs what is
 * pending and what changed: node room is kept per node and made again only for the nodes that changed.
 */
final class Scheduling extends AbstractBehavior<Scheduling.Command> {
    /** The kinds a scheduler needs. */
    static final Set<String> KINDS = Set.of(Pod.KIND, Node.KIND);
    private static final String PASS = "pass";
    private static final String RESYNC = "resync";

    sealed interface Command {
    }

    /** The Master's news of pods or nodes. */
    record News(ViewNews news) implements Command {
    }

    private record Pass() implements Command {
    }

    /** Every so often: node room made again from the view, and unschedulable pods tried again. */
    private record Resync() implements Command {
    }

    private record Bound(List<PodWriter.Bind> binds, List<Result> results, Throwable failure) implements Command {
    }

    private final ControlPlaneSettings settings;
    private final TimerScheduler<Command> timers;
    private final PodWriter pods;
    private final ClusterView view = new ClusterView(KINDS, EnumSet.of(ClusterView.Index.PENDING, ClusterView.Index.BOUND));
    private final Scheduler scheduler = new Scheduler();
    private final EventSink events;
    /** Pods whose binding waits for the store, with the node chosen: counted on that node meanwhile. */
    private final Map<String, Pod> bindsInFlight = new HashMap<>();
    /** What each node has room for, with the pods the view has bound to it (see {@link #nodeInfos}). */
    private final Map<String, NodeInfo> nodeInfoCache = new HashMap<>();
    /**
     * Pods no node could take, with the capacity epoch at which that was decided: they are tried again only
     * once the epoch moves (a node changed or a bound pod left), as Kubernetes' unschedulable queue does.
     */
    private final Map<String, Long> unschedulableAt = new HashMap<>();
    /** When the last pass ended and how long it took: the next starts no sooner than twice that after. */
    private long lastPassEndNanos;
    private long lastPassNanos;

    private Scheduling(ActorContext<Command> context, TimerScheduler<Command> timers, ControlPlaneSettings settings,
                       ObjectStore store) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        this.pods = new PodWriter(store);
        this.events = Events.get(context.getSystem()).sink(Events.SCHEDULER);
        timers.startTimerWithFixedDelay(RESYNC, new Resync(), settings.assignmentResync());
    }

    static Behavior<Command> create(ControlPlaneSettings settings, ObjectStore store) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Scheduling(ctx, timers, settings, store)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(News.class, news -> {
                    view.apply(news.news());
                    return passSoon();
                })
                .onMessage(Pass.class, this::onPass)
                .onMessage(Resync.class, this::onResync)
                .onMessage(Bound.class, this::onBound)
                .build();
    }

    /**
     * A pass after the debounce pause; under load (a pass over many pods takes long) no sooner than twice the last
     * pass's length after it ended, so that passes never take more than a third of the scheduler's time.
     */
    private Behavior<Command> passSoon() {
        if (!timers.isTimerActive(PASS)) {
            long sinceLast = System.nanoTime() - lastPassEndNanos;
            long waitNanos = Math.max(settings.scheduleDebounce().toNanos(), 2 * lastPassNanos - sinceLast);
            timers.startSingleTimer(PASS, new Pass(), Duration.ofNanos(waitNanos));
        }
        return this;
    }

    private Behavior<Command> onResync(Resync resync) {
        nodeInfoCache.clear();
        unschedulableAt.keySet().retainAll(view.pendingKeys());
        return onPass(new Pass());
    }

    private Behavior<Command> onPass(Pass tick) {
        if (!view.ready()) {
            return this;
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        Map<String, NodeInfo> infos = nodeInfos(view.takeChangedNodes());
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
                events.record(pod, Event.WARNING, "FailedScheduling", why);
                pods.markUnschedulable(pod, why, now);
            }
        }
        if (!binds.isEmpty()) {
            getContext().pipeToSelf(pods.bind(binds, now), (results, failure) -> new Bound(binds, results, failure));
        }
        lastPassEndNanos = System.nanoTime();
        lastPassNanos = lastPassEndNanos - started;
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
                // the view takes the bind now, not when the watch brings it, so the next pass counts it on its node
                Pod pod = (Pod) stored.object();
                view.changed(Pod.KIND, pod.key(), pod);
                events.record(pod, Event.NORMAL, "Scheduled", "Successfully assigned " + pod.key() + " to "
                        + bind.nodeName());
            } else if (result.isEmpty() || result.get() instanceof Result.Failed) {
                getContext().getLog().warn("binding pod {} to {} failed: {}", bind.pod().key(), bind.nodeName(),
                        bound.failure() != null ? bound.failure().getMessage() : result.get());
            }
        }
        return passSoon();
    }
}
