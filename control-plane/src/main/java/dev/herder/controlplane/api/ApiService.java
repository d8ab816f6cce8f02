package dev.herder.controlplane.api;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.master.Master;
import dev.herder.controlplane.master.MasterProtocol;
import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.Entities;
import dev.herder.controlplane.objects.EntityCommand;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.validation.FieldError;
import dev.herder.protocol.validation.Validator;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The API as a facade returning CompletionStage: what the ClusterClient endpoint (and later HTTP) calls.
 * It validates every write again (clients are not trusted), then asks the owning entity; lists are read
 * from the store with ReadMajority by {@link ObjectLister}.
 */
public final class ApiService {
    private final ActorSystem<?> system;
    private final ControlPlaneSettings settings;
    private final ObjectLister lister;
    private final ActorRef<Master.Command> master;
    private final ContainerRequests containers;

    public ApiService(ActorSystem<?> system, ControlPlaneSettings settings, ObjectLister lister,
                      ActorRef<Master.Command> master) {
        this.system = system;
        this.settings = settings;
        this.lister = lister;
        this.master = master;
        this.containers = new ContainerRequests(system, settings.askTimeout());
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        CompletionStage<ApiResponse> answer;
        String kind = request instanceof ApiRequest.Get g ? g.kind()
                : request instanceof ApiRequest.Delete d ? d.kind() : null;
        if (kind != null && !Kinds.ALL.contains(kind)) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                    "the server doesn't have a resource type \"" + kind + "\"; it serves " + Kinds.ALL)));
        }
        if (request instanceof ApiRequest.Apply apply) {
            answer = apply(apply.objects());
        } else if (request instanceof ApiRequest.Get get) {
            answer = get(get);
        } else if (request instanceof ApiRequest.Delete delete) {
            answer = delete(delete);
        } else if (request instanceof ApiRequest.Logs logs) {
            answer = containers.logs(logs);
        } else if (request instanceof ApiRequest.Exec exec) {
            answer = containers.exec(exec);
        } else {
            answer = clusterStatus();
        }
        return answer.exceptionally(ApiService::failure);
    }

    private CompletionStage<ApiResponse> apply(List<ApiObject> objects) {
        List<CompletableFuture<ApiResponse.ApplyOutcome>> outcomes = new ArrayList<>();
        for (ApiObject raw : objects) {
            outcomes.add(applyOne(raw).toCompletableFuture());
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ApiResponse.Applied(outcomes.stream().map(CompletableFuture::join).toList()));
    }

    private CompletionStage<ApiResponse.ApplyOutcome> applyOne(ApiObject raw) {
        ApiObject object = Normalize.namespace(raw);
        List<FieldError> errors = Validator.validate(object);
        String kind = object.kind();
        String ns = object.metadata().namespace();
        String name = object.metadata().name();
        if (!errors.isEmpty()) {
            String message = kind + " \"" + name + "\" is invalid: "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
            return CompletableFuture.completedFuture(
                    new ApiResponse.ApplyOutcome(kind, ns, name, null, null, ApiError.invalid(message), List.of()));
        }
        return Entities.ref(system, kind, ObjectKey.of(object).id())
                .<ApiResponse>ask(replyTo -> new EntityCommand.Apply(object, replyTo), settings.askTimeout())
                .handle((rsp, failure) -> {
                    if (failure != null) {
                        return new ApiResponse.ApplyOutcome(kind, ns, name, null, null, toError(failure, kind, name), List.of());
                    }
                    return ((ApiResponse.Applied) rsp).outcomes().get(0);
                });
    }

    private CompletionStage<ApiResponse> get(ApiRequest.Get get) {
        String kind = get.kind();
        if (get.name() == null) {
            return lister.list(kind, Kinds.namespaced(kind) ? get.namespace() : null, get.labelSelector());
        }
        return Entities.ref(system, kind, entityId(kind, get.namespace(), get.name()))
                .ask(EntityCommand.Get::new, settings.askTimeout());
    }

    private CompletionStage<ApiResponse> delete(ApiRequest.Delete delete) {
        return Entities.ref(system, delete.kind(), entityId(delete.kind(), delete.namespace(), delete.name()))
                .ask(EntityCommand.Delete::new, settings.askTimeout());
    }

    /** The entity id of a named object; a namespaced kind's namespace defaults to "default". */
    private static String entityId(String kind, String namespace, String name) {
        String ns = Kinds.namespaced(kind) ? (namespace == null ? Kinds.DEFAULT_NAMESPACE : namespace) : null;
        return new ObjectKey(kind, ns, name).id();
    }

    private CompletionStage<ApiResponse> clusterStatus() {
        Cluster cluster = Cluster.get(system);
        var state = cluster.state();
        List<ApiResponse.Member> members = new ArrayList<>();
        state.getMembers().forEach(m -> members.add(new ApiResponse.Member(
                m.address().getHost().orElse("?") + ":" + m.address().getPort().orElse(0),
                m.getRoles().stream().filter(r -> !r.startsWith("dc-")).sorted().toList(),
                m.status().toString(), !state.getUnreachable().contains(m))));
        return AskPattern.<Master.Command, MasterProtocol.Location>ask(master, MasterProtocol.WhereAreYou::new,
                        settings.askTimeout(), system.scheduler())
                .handle((location, failure) -> new ApiResponse.Cluster(members, failure == null ? location.hostPort() : null));
    }

    private static ApiResponse failure(Throwable t) {
        return new ApiResponse.Failure(toError(t, null, null));
    }

    private static ApiError toError(Throwable t, String kind, String name) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        String what = kind == null ? "the request" : ApiObjects.describe(kind, name);
        if (cause instanceof TimeoutException) {
            return ApiError.unavailable("no answer about " + what + " in time: the control plane may be failing over or"
                    + " lack a majority of control-plane nodes; try again");
        }
        return new ApiError(ApiError.Code.INTERNAL, "could not handle " + what + ": " + cause);
    }
}
