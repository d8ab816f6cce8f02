package dev.herder.controlplane.master;

import dev.herder.controlplane.store.ObjectStore;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
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
 * The Master's garbage collector: deletes the pods of a replication controller that is gone (a background
 * cascade), once its absence has lasted {@link Orphans#GRACE} and the store itself says it is gone. Looks every
 * second, at the pod groups of missing owners only.
 */
final class OrphanCollector extends AbstractBehavior<OrphanCollector.Command> {
    /** The kinds it needs. */
    static final Set<String> KINDS = Set.of(Pod.KIND, ReplicationController.KIND);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    sealed interface Command {
    }

    /** The Master's news of pods or replication controllers. */
    record News(ViewNews news) implements Command {
    }

    private record Look() implements Command {
    }

    /** The store's answer about an owner the view lacks: whether it exists with that uid. */
    private record OwnerChecked(Orphans.Suspect suspect, boolean exists) implements Command {
    }

    private final ClusterView view = new ClusterView(KINDS, EnumSet.of(ClusterView.Index.GROUPS));
    private final Orphans orphans = new Orphans();
    private final ObjectStore store;
    private final PodWriter pods;

    private OrphanCollector(ActorContext<Command> context, ObjectStore store) {
        super(context);
        this.store = store;
        this.pods = new PodWriter(store);
    }

    static Behavior<Command> create(ObjectStore store) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new Look(), LOOK_EVERY);
            return new OrphanCollector(ctx, store);
        }));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(News.class, news -> {
                    view.apply(news.news());
                    return this;
                })
                .onMessage(Look.class, this::onLook)
                .onMessage(OwnerChecked.class, this::onOwnerChecked)
                .build();
    }

    private Behavior<Command> onLook(Look look) {
        if (view.ready()) {
            orphans.suspects(view, Instant.now()).forEach(this::checkOwner);
        }
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
}
