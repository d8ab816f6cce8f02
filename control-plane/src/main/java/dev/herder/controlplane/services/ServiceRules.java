package dev.herder.controlplane.services;

import dev.herder.controlplane.objects.KindRules;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A service's entity keeps its Endpoints object (same namespace and name) from the backends the Master observes:
 * written only when the subsets change. Endpoints are observed state with one writer (this entity), so they are
 * written unguarded; after a failover the Master's next report writes them again. The API removes them with the
 * service.
 */
public final class ServiceRules implements KindRules {
    private final ObjectStore store;
    private final org.slf4j.Logger log;
    private volatile List<EndpointSubset> written;

    public ServiceRules(ActorSystem<?> system) {
        this.store = Stores.get(system).objects();
        this.log = system.log();
    }

    @Override
    public Optional<ApiObject> carried(EntityMessage message) {
        return message instanceof ServiceCommands.ObservedBackends observed
                ? Optional.ofNullable(observed.service()) : Optional.empty();
    }

    @Override
    public Reaction onMessage(EntityMessage message, Optional<ApiObject> current, Instant now) {
        if (message instanceof ServiceCommands.ObservedBackends observed && current.isPresent()
                && current.get().metadata().uid().equals(observed.serviceUid())) {
            Service service = (Service) current.get();
            List<EndpointSubset> subsets = EndpointsBuilder.subsets(service, observed.backends());
            if (!subsets.equals(written)) {
                write(service, subsets);
            }
        }
        return Reaction.none();
    }

    private void write(Service service, List<EndpointSubset> subsets) {
        ObjectMeta m = service.metadata();
        Endpoints endpoints = new Endpoints("v1", Endpoints.KIND, new ObjectMeta(m.name(), null, m.namespace(),
                m.labels(), null, m.uid(), null, null, m.creationTimestamp(), null, null), subsets);
        written = subsets;
        store.commit(new Change.Put(endpoints, 0)).whenComplete((result, failure) -> {
            if (failure != null || !(result instanceof Result.Stored)) {
                log.warn("endpoints of service {} not written: {}", service.key(), failure != null ? failure : result);
                written = null; // written again with the Master's next report
            }
        });
    }
}
