package dev.herder.controlplane.events;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectReference;
import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;

/** The control-plane JVM's {@link EventRecorder}, started on first use; components get a sink of their own. */
public final class Events implements Extension {
    /** The component names events are recorded under (Kubernetes' own where it has one). */
    public static final String REPLICATION_CONTROLLER = "replication-controller";
    public static final String SCHEDULER = "default-scheduler";
    public static final String NODE_CONTROLLER = "node-controller";

    private static final Id ID = new Id();

    private final ActorRef<EventRecorder.Command> recorder;

    private Events(ActorSystem<?> system) {
        ControlPlaneSettings settings = ControlPlaneSettings.from(system.settings().config());
        recorder = system.systemActorOf(EventRecorder.create(Stores.get(system).objects(), settings),
                "herder-events", Props.empty());
    }

    public static Events get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /** Records events as the named component. */
    public EventSink sink(String component) {
        EventSource source = new EventSource(component, null);
        return (involved, type, reason, message) -> recorder.tell(new EventRecorder.Record(ObjectReference.to(involved),
                source, type, reason, message, Instant.now()));
    }

    /** Records an event as it was reported (by an agent, with its own source and time). */
    public void record(EventRecorder.Record reported) {
        recorder.tell(reported);
    }

    private static final class Id extends ExtensionId<Events> {
        @Override
        public Events createExtension(ActorSystem<?> system) {
            return new Events(system);
        }
    }
}
