package dev.herder.controlplane.services;

import dev.herder.controlplane.objects.KindRules;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.Stores;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.EntityInput;
import dev.herder.protocol.wire.ServiceCommand;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A service's entity keeps its Endpoints object (same namespace and name) from the backends the Master observes:
 * written only when the subsets change. Endpoints are observed state with one writer (this entity), so they are
 * written unguarded, one write after the other; after a failover the Master's next report writes them again. When
 * the Master sees the service gone it says so, and the entity removes the endpoints (the API removes them with the
 * service too) after any write still under way, and writes nothing more for that service.
 */
public final class ServiceRules implements KindRules {
    private final ObjectStore store;
    private final org.slf4j.Logger log;
    private volatile List<EndpointSubset> written;
    /** The last write, so that the next one (or the removal) starts after it. */
    private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);
    private final Set<String> gone = new HashSet<>();

    private final ObjectKey key;

    /** The rules of the entity of the service with this id (namespace/name). */
    public ServiceRules(ActorSystem<?> system, String id) {
        this.store = Stores.get(system).objects();
        this.log = system.log();
        this.key = ObjectKey.ofId(Service.KIND, id);
    }

    @Override
    public Optional<ApiObject> carried(EntityInput message) {
        return message instanceof ServiceCommand.ObservedBackends observed && !gone.contains(observed.serviceUid())
                ? Optional.ofNullable(observed.service()) : Optional.empty();
    }

    @Override
    public Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        if (message instanceof ServiceCommand.Gone g) {
            removeEndpoints(g.serviceUid());
            return Reaction.none();
        }
        if (message instanceof ServiceCommand.ObservedBackends observed && !gone.contains(observed.serviceUid())
                && current.isPresent()
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
        lastWrite = lastWrite.handle((r, f) -> null).thenCompose(ignored -> store.commit(new Change.Put(endpoints, 0))
                .whenComplete((result, failure) -> {
                    if (failure != null || !(result instanceof Result.Stored)) {
                        log.warn("endpoints of service {} not written: {}", service.key(), failure != null ? failure : result);
                        written = null; // written again with the Master's next report
                    }
                }).toCompletableFuture());
    }

    /** Removes the endpoints of the service with this uid, if they are its (not a new service's of the same name). */
    private void removeEndpoints(String uid) {
        gone.add(uid);
        written = null;
        lastWrite = lastWrite.handle((r, f) -> null).thenCompose(ignored -> store.get(Endpoints.KIND, key.namespace(),
                        key.name()))
                .thenCompose(found -> found.filter(e -> uid.equals(e.metadata().uid()))
                        .map(e -> store.commit(new Change.Delete(e)).thenApply(r -> (Object) r))
                        .orElse(CompletableFuture.completedFuture(null)))
                .toCompletableFuture();
    }
}
