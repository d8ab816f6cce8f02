package dev.herder.controlplane.services;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.objects.KindRules;
import dev.herder.controlplane.objects.Versions;
import dev.herder.controlplane.store.BucketKey;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.controlplane.store.StoreWrites;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;

/**
 * A service's entity keeps its Endpoints object (same namespace and name) from the backends the Master
 * observes: written, with WriteMajority, only when the subsets change, and removed with the service.
 * Endpoints are observed state: after a failover the Master's next report writes them again.
 */
public final class ServiceRules implements KindRules {
    private final ActorRef<Replicator.Command> replicator;
    private final StoreWrites writes;
    private final StoreKeys keys;
    private final ControlPlaneSettings settings;
    private final ActorRef<Replicator.UpdateResponse<ObjectBucket>> ignore;
    private List<EndpointSubset> written;
    private String writtenVersion;

    public ServiceRules(ActorSystem<?> system, StoreKeys keys, ControlPlaneSettings settings) {
        this.replicator = DistributedData.get(system).replicator();
        this.writes = StoreWrites.of(system, settings.tombstoneTtl());
        this.keys = keys;
        this.settings = settings;
        this.ignore = system.ignoreRef();
    }

    @Override
    public Reaction onMessage(EntityMessage message, Optional<ApiObject> current, Instant now) {
        if (message instanceof ServiceCommands.ObservedBackends observed && current.isPresent()
                && current.get().metadata().uid().equals(observed.serviceUid())) {
            Service service = (Service) current.get();
            List<EndpointSubset> subsets = EndpointsBuilder.subsets(service, observed.backends());
            if (!subsets.equals(written)) {
                write(service, subsets, now);
            }
        }
        return Reaction.none();
    }

    @Override
    public void onDeleted(ApiObject was) {
        String id = was.key();
        replicator.tell(new Replicator.Update<>(key(id), ObjectBucket.EMPTY, new Replicator.WriteMajority(
                settings.writeTimeout()), ignore, writes.remove(id)));
        written = null;
    }

    private void write(Service service, List<EndpointSubset> subsets, Instant now) {
        ObjectMeta m = service.metadata();
        writtenVersion = Versions.next(writtenVersion, now);
        Endpoints endpoints = new Endpoints("v1", Endpoints.KIND, new ObjectMeta(m.name(), null, m.namespace(),
                m.labels(), null, m.uid(), writtenVersion, null, m.creationTimestamp(), null, null), subsets);
        String id = service.key();
        replicator.tell(new Replicator.Update<>(key(id), ObjectBucket.EMPTY, new Replicator.WriteMajority(
                settings.writeTimeout()), ignore, writes.put(id, endpoints)));
        written = subsets;
    }

    private BucketKey key(String id) {
        return keys.keyFor(Endpoints.KIND, id);
    }
}
