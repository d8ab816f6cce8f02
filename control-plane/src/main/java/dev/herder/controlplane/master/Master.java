package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.Informer;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The Master, a cluster singleton. It reads the store and owns the actors that act on what it read, each a child
 * with its own concern and its own view: {@link Scheduling} (placing pods), {@link NodeLifecycle} (the pods of lost
 * nodes), {@link OrphanCollector} (the pods of deleted controllers), {@link Feeds} (telling agents, controllers and
 * services their pods) and {@link ServicePorts}. It keeps nothing the store does not have: it lists pods, nodes,
 * controllers and services at a revision and watches every change after it ({@link Informer}), and hands each
 * child the news of the kinds it follows, in order; so a new Master is current as soon as its lists return. A child
 * that fails fails the Master, which starts again (the singleton's supervision) and reads everything anew.
 */
public final class Master extends AbstractBehavior<Master.Command> {
    /**
     * Messages of the Master. Only {@link MasterProtocol}'s come from other JVMs, and only they are wire messages;
     * the rest are its own (informers' news, its children's ends).
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

    /** A child stopped, which only a failure makes it do. */
    private record ChildStopped(String name, ActorRef<?> child) implements Command {
    }

    /** A child and the kinds whose news it is handed. */
    private record Follower(ActorRef<?> child, Set<String> kinds, Consumer<ViewNews> tell) {
    }

    private final List<Follower> followers = new ArrayList<>();
    private final ActorRef<ServicePorts.Command> ports;
    private final List<Informer> informers = new ArrayList<>();
    /** How many objects of each kind the first list found, until every kind was listed once (for the log). */
    private final Map<String, Integer> firstListed = new HashMap<>();
    private boolean allListed;

    private Master(ActorContext<Command> context, ControlPlaneSettings settings) {
        super(context);
        ObjectStore store = Stores.get(context.getSystem()).objects();
        follow("scheduling", Scheduling.create(settings, store), Scheduling.KINDS, Scheduling.News::new);
        follow("node-lifecycle", NodeLifecycle.create(settings, store), NodeLifecycle.KINDS, NodeLifecycle.News::new);
        follow("orphan-collector", OrphanCollector.create(store), OrphanCollector.KINDS, OrphanCollector.News::new);
        follow("feeds", Feeds.create(settings), Set.copyOf(ViewNews.KINDS), Feeds.News::new);
        this.ports = follow("service-ports", ServicePorts.create(settings), ServicePorts.KINDS, ServicePorts.News::new);
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
        ViewNews.KINDS.forEach(kind -> informers.add(Informer.start(store, kind, listener)));
        context.getLog().info("Master is up on {}", Cluster.get(context.getSystem()).selfMember().address());
    }

    public static Behavior<Command> create(ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> new Master(ctx, settings));
    }

    /** Starts a child, watched, that is handed the news of kinds (wrapped by asNews). */
    private <T> ActorRef<T> follow(String name, Behavior<T> behavior, Set<String> kinds,
                                   Function<ViewNews, ? extends T> asNews) {
        ActorRef<T> child = getContext().spawn(behavior, name);
        getContext().watchWith(child, new ChildStopped(name, child));
        followers.add(new Follower(child, kinds, news -> child.tell(asNews.apply(news))));
        return child;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Listed.class, this::onListed)
                .onMessage(Changed.class, changed -> hand(new ViewNews.Changed(changed.kind(), changed.changes())))
                .onMessage(ReadFailed.class, failed -> {
                    getContext().getLog().warn("reading {} from the store failed ({}); trying again", failed.kind(),
                            failed.why());
                    return this;
                })
                .onMessage(ChildStopped.class, this::onChildStopped)
                .onMessage(MasterProtocol.WhereAreYou.class, this::onWhereAreYou)
                .onMessage(MasterProtocol.ReservePorts.class, ask -> {
                    ports.tell(new ServicePorts.Reserve(ask));
                    return this;
                })
                .onSignal(PostStop.class, s -> closeInformers())
                .onSignal(PreRestart.class, s -> closeInformers())
                .build();
    }

    private Behavior<Command> closeInformers() {
        informers.forEach(Informer::close);
        return this;
    }

    private Behavior<Command> onListed(Listed listed) {
        if (!allListed) {
            firstListed.put(listed.kind(), listed.objects().size());
            if (firstListed.keySet().containsAll(ViewNews.KINDS)) {
                allListed = true;
                getContext().getLog().info("Master has read the store: {} pods, {} nodes, {} replication controllers,"
                        + " {} services (revision {})", firstListed.get(Pod.KIND), firstListed.get(Node.KIND),
                        firstListed.get(ReplicationController.KIND), firstListed.get(Service.KIND), listed.revision());
            }
        }
        return hand(new ViewNews.Listed(listed.kind(), listed.objects(), listed.revision()));
    }

    private Behavior<Command> hand(ViewNews news) {
        for (Follower follower : followers) {
            if (follower.kinds().contains(news.kind())) {
                follower.tell().accept(news);
            }
        }
        return this;
    }

    private Behavior<Command> onChildStopped(ChildStopped stopped) {
        if (followers.stream().noneMatch(f -> f.child().equals(stopped.child()))) {
            return this; // a child of this Master before it started again
        }
        throw new IllegalStateException("the Master's " + stopped.name() + " stopped after a failure; the Master starts"
                + " again and reads the store anew");
    }

    private Behavior<Command> onWhereAreYou(MasterProtocol.WhereAreYou ask) {
        var address = Cluster.get(getContext().getSystem()).selfMember().address();
        ask.replyTo().tell(new MasterProtocol.Location(address.getHost().orElse("?") + ":" + address.getPort().orElse(0)));
        return this;
    }
}
