package dev.herder.controlplane.master;

import dev.herder.controlplane.ControlPlaneSettings;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The Master's feeds: hands each agent the pods bound to its node ({@link AgentLink}), and tells each replication
 * controller and service its pods ({@link ControllerFeed}, {@link ServiceFeed}), whenever they change, a short
 * pause after the news (batching a burst), and all of it again every assignment-resync.
 */
final class Feeds extends AbstractBehavior<Feeds.Command> {
    private static final String SEND = "send";
    private static final String CONTROLLERS = "controllers";

    sealed interface Command {
    }

    /** The Master's news of any kind. */
    record News(ViewNews news) implements Command {
    }

    private record Send() implements Command {
    }

    private record SendToControllers() implements Command {
    }

    /** Every so often: everything told again, as if never told. */
    private record Resync() implements Command {
    }

    private final ControlPlaneSettings settings;
    private final TimerScheduler<Command> timers;
    private final ClusterView view = new ClusterView(ViewNews.KINDS, EnumSet.of(ClusterView.Index.BOUND, ClusterView.Index.GROUPS));
    private final AgentLink agents;
    private final ControllerFeed controllers;
    private final ServiceFeed services;
    /** When replication controllers and services were last told their pods. */
    private long lastControllersNanos;

    private Feeds(ActorContext<Command> context, TimerScheduler<Command> timers, ControlPlaneSettings settings) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        this.agents = new AgentLink(context.getSystem());
        this.controllers = new ControllerFeed(context.getSystem());
        this.services = new ServiceFeed(context.getSystem());
        timers.startTimerWithFixedDelay(new Resync(), settings.assignmentResync());
    }

    static Behavior<Command> create(ControlPlaneSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Feeds(ctx, timers, settings)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(News.class, news -> {
                    view.apply(news.news());
                    if (!timers.isTimerActive(SEND)) {
                        timers.startSingleTimer(SEND, new Send(), settings.scheduleDebounce());
                    }
                    return this;
                })
                .onMessage(Send.class, send -> send())
                .onMessage(SendToControllers.class, send -> sendToControllers())
                .onMessage(Resync.class, resync -> {
                    agents.forgetSent();
                    controllers.forgetSent();
                    services.forgetSent();
                    lastControllersNanos = 0;
                    return send();
                })
                .build();
    }

    private Behavior<Command> send() {
        if (view.ready()) {
            agents.send(view, view.takeChangedNodes());
            sendToControllers();
        }
        return this;
    }

    /**
     * Tells each replication controller and service its pods, no sooner after the last time than feed-interval-per-pod
     * times the pods there are, and at most feed-interval after: during a burst the pods of a big controller change
     * with every pass, and a message listing them all is sent each time it is told; a small cluster is told at once.
     */
    private Behavior<Command> sendToControllers() {
        long now = System.nanoTime();
        long interval = Math.min(settings.feedInterval().toNanos(),
                settings.feedIntervalPerPod().toNanos() * view.pods().size());
        if (now - lastControllersNanos < interval) {
            if (!timers.isTimerActive(CONTROLLERS)) {
                timers.startSingleTimer(CONTROLLERS, new SendToControllers(),
                        Duration.ofNanos(interval - (now - lastControllersNanos)));
            }
            return this;
        }
        lastControllersNanos = now;
        controllers.send(view);
        services.send(view);
        return this;
    }
}
