package dev.herder.controlplane.store;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The control-plane JVM's one connection to etcd (herder.etcd in the config), opened on first use and closed
 * with the actor system: the API, the entities, the Master and the event recorder all write through it, so
 * their writes share transactions.
 */
public final class Stores implements Extension {
    private static final Id ID = new Id();

    private final EtcdStore store;
    private final ObjectStore objects;

    private Stores(ActorSystem<?> system) {
        this.store = EtcdStore.connect(EtcdSettings.from(system.settings().config()));
        this.objects = new ObjectStore(store);
        system.getWhenTerminated().thenRun(store::close);
    }

    public static Stores get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    public ObjectStore objects() {
        return objects;
    }

    public Store store() {
        return store;
    }

    private static final class Id extends ExtensionId<Stores> {
        @Override
        public Stores createExtension(ActorSystem<?> system) {
            return new Stores(system);
        }
    }
}
