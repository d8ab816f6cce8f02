package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.events.EventSink;
import dev.herder.controlplane.events.Events;
import dev.herder.controlplane.pods.PodTransitions;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The Master's node lifecycle controller: once a node has sent no heartbeat for pod-eviction-timeout, its pods are
 * marked Failed (reason NodeLost), so that their replication controllers replace them on Ready nodes; its pods
 * being deleted (Terminating), which no agent will stop, are removed once their grace period has ended. Whether a
 * node is Ready is its own entity's business (it checks the heartbeats); this looks at lost nodes' pods every second.
 */
final class NodeLifecycle extends AbstractBehavior<NodeLifecycle.Command> {
    /** The kinds it needs. */
    static final Set<String> KINDS = Set.of(Pod.KIND, Node.KIND);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    sealed interface Command {
    }

    /** The Master's news of pods or nodes. */
    record News(ViewNews news) implements Command {
    }

    private record Check() implements Command {
    }

    private final ClusterView view = new ClusterView(KINDS, EnumSet.of(ClusterView.Index.BOUND));
    private final Evictions evictions;
    private final PodWriter pods;
    private final EventSink events;

    private NodeLifecycle(ActorContext<Command> context, ControlPlaneSettings settings, ObjectStore store) {
        super(context);
        this.evictions = new Evictions(settings.podEvictionTimeout());
        this.pods = new PodWriter(store);
        this.events = Events.get(context.getSystem()).sink(Events.NODE_CONTROLLER);
    }

    static Behavior<Command> create(ControlPlaneSettings settings, ObjectStore store) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new Check(), CHECK_EVERY);
            return new NodeLifecycle(ctx, settings, store);
        }));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(News.class, news -> {
                    view.apply(news.news());
                    return this;
                })
                .onMessage(Check.class, this::onCheck)
                .build();
    }

    private Behavior<Command> onCheck(Check check) {
        if (!view.ready()) {
            return this;
        }
        Instant now = Instant.now();
        for (Evictions.Due due : evictions.due(view, now)) {
            if (due.first()) {
                events.record(due.pod(), Event.WARNING, PodTransitions.NODE_LOST, "Marking the pod Failed: "
                        + due.message());
            }
            pods.markFailed(due.pod(), PodTransitions.NODE_LOST, due.message(), now);
        }
        for (Pod pod : evictions.abandonedTerminating(view, now)) {
            getContext().getLog().info("removing Terminating pod {}: its node {} is lost or gone and its grace"
                    + " period ended at {}", pod.key(), pod.spec().nodeName(), pod.metadata().deletionTimestamp());
            pods.delete(pod);
        }
        return this;
    }
}
