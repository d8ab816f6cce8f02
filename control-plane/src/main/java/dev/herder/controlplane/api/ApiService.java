package dev.herder.controlplane.api;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.master.Master;
import dev.herder.controlplane.master.MasterProtocol;
import dev.herder.controlplane.objects.ApiObjects;
import dev.herder.controlplane.objects.Managers;
import dev.herder.controlplane.objects.ObjectWrites;
import dev.herder.controlplane.objects.WriteBy;
import dev.herder.controlplane.pods.PodDeletion;
import dev.herder.controlplane.store.Change;
import dev.herder.controlplane.store.ObjectCodec;
import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.Result;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectKey;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.validation.FieldError;
import dev.herder.protocol.validation.Validator;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The API as a facade returning CompletionStage: what the ClusterClient endpoint (and later HTTP) calls. It is
 * stateless: every control-plane node validates each write again (clients are not trusted) and writes it to the
 * store itself, guarded on the version it read ({@link ObjectWrites}), so no request waits for another JVM; gets
 * and lists read the store ({@link ObjectLister}, in pages).
 */
public final class ApiService {
    /** The action of a scale's outcome. */
    static final String SCALED = "scaled";
    /** The subresource a Scale writes through, as managedFields name it. */
    private static final String SCALE_SUBRESOURCE = "scale";
    private static final java.util.Map<String, String> READ_ONLY = java.util.Map.of(
            Event.KIND, "events are recorded by Herder's controllers and expire on their own"
                    + " (herder.control-plane.events.ttl); they cannot be applied, scaled or deleted",
            Endpoints.KIND, "endpoints are kept by Herder from the ready pods a service selects,"
                    + " and go with their service; they cannot be applied, scaled or deleted");
    private final ActorSystem<?> system;
    private final ControlPlaneSettings settings;
    private final ObjectWrites writes;
    private final ObjectLister lister;
    private final ActorRef<Master.Command> master;
    private final ContainerRequests containers;

    public ApiService(ActorSystem<?> system, ControlPlaneSettings settings, ObjectStore store,
                      ActorRef<Master.Command> master) {
        this.system = system;
        this.settings = settings;
        this.writes = new ObjectWrites(store);
        this.lister = new ObjectLister(store);
        this.master = master;
        this.containers = new ContainerRequests(system, settings.askTimeout());
    }

    /** Why clients cannot write objects of this kind (events, endpoints); null for a kind they can write. */
    public static String readOnly(String kind) {
        return READ_ONLY.get(kind);
    }

    public CompletionStage<ApiResponse> handle(ApiRequest request) {
        if (request instanceof ApiRequest.Within within) {
            if (within.request() instanceof ApiRequest.Within || within.millis() <= 0) {
                return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                        "a Within request holds one request that is not a Within, and a time above 0 ms")));
            }
            return handle(within.request(), WriteBy.halfOf(Duration.ofMillis(within.millis())));
        }
        return handle(request, WriteBy.NONE);
    }

    /**
     * A command run attached (kubectl exec): stdin from the flow's input when stdin, a terminal when tty; the flow's
     * output is what the command prints, then its exit code or why it could not be run.
     */
    public Flow<ExecInput, ExecOutput, NotUsed> attach(ApiRequest.Exec exec, boolean stdin, boolean tty) {
        return containers.attach(exec, stdin, tty);
    }

    private CompletionStage<ApiResponse> handle(ApiRequest request, WriteBy writeBy) {
        CompletionStage<ApiResponse> answer;
        String kind = request instanceof ApiRequest.Get g ? g.kind()
                : request instanceof ApiRequest.Delete d ? d.kind()
                : request instanceof ApiRequest.Scale sc ? sc.kind() : null;
        if (kind != null && !Kinds.READABLE.contains(kind)) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                    "the server doesn't have a resource type \"" + kind + "\"; it serves " + Kinds.READABLE)));
        }
        if (kind != null && Kinds.RECORDED.contains(kind) && !(request instanceof ApiRequest.Get)) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(READ_ONLY.get(kind))));
        }
        if (request instanceof ApiRequest.Apply apply) {
            answer = apply(apply.objects(), writeBy);
        } else if (request instanceof ApiRequest.Get get) {
            answer = get(get);
        } else if (request instanceof ApiRequest.Delete delete) {
            answer = delete(delete, writeBy);
        } else if (request instanceof ApiRequest.Scale scale) {
            answer = scale(scale, writeBy);
        } else if (request instanceof ApiRequest.Logs logs) {
            answer = containers.logs(logs);
        } else if (request instanceof ApiRequest.Exec exec) {
            answer = containers.exec(exec);
        } else {
            answer = clusterStatus();
        }
        return answer.exceptionally(ApiService::failure);
    }

    private CompletionStage<ApiResponse> apply(List<ApiObject> objects, WriteBy writeBy) {
        List<CompletableFuture<ApiResponse.ApplyOutcome>> outcomes = new ArrayList<>();
        for (ApiObject raw : objects) {
            outcomes.add(applyOne(raw, writeBy).toCompletableFuture());
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ApiResponse.Applied(outcomes.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * Creates one object, which must not exist yet (HTTP POST): answered with its outcome, ALREADY_EXISTS when an
     * object of its name is there. A dry run is validated and admitted as the create would be, and answered with
     * the object the create would store, but nothing is written.
     */
    public CompletionStage<ApiResponse.ApplyOutcome> create(ApiObject raw, boolean dryRun) {
        return create(raw, dryRun, null);
    }

    /**
     * As {@link #create(ApiObject, boolean)}, recorded in metadata.managedFields as an Update by manager (null: the
     * managers are stored as the object names them).
     */
    public CompletionStage<ApiResponse.ApplyOutcome> create(ApiObject raw, boolean dryRun, String manager) {
        return applyOne(raw, WriteBy.NONE, dryRun ? Mode.CREATE_DRY_RUN : Mode.CREATE, manager);
    }

    /**
     * Replaces one object (HTTP PUT), guarded on its metadata.resourceVersion when it names one; one that does not
     * exist is NOT_FOUND (a PUT does not create). A dry run is answered with what would be stored, writing nothing.
     */
    public CompletionStage<ApiResponse.ApplyOutcome> replace(ApiObject raw, boolean dryRun) {
        return replace(raw, dryRun, null);
    }

    /**
     * As {@link #replace(ApiObject, boolean)}, recorded in metadata.managedFields as an Update by manager (null: the
     * managers are stored as the object names them, or as they are when it names none).
     */
    public CompletionStage<ApiResponse.ApplyOutcome> replace(ApiObject raw, boolean dryRun, String manager) {
        ObjectKey key = key(raw.kind(), raw.metadata().namespace(), raw.metadata().name());
        return writes.store().get(key.kind(), key.namespace(), key.name()).thenCompose(found -> found.isPresent()
                ? applyOne(raw, WriteBy.NONE, dryRun ? Mode.APPLY_DRY_RUN : Mode.APPLY, manager)
                : CompletableFuture.completedFuture(new ApiResponse.ApplyOutcome(key.kind(), key.namespace(),
                        key.name(), null, null, ApiError.notFound(ApiObjects.describe(key.kind(), key.name())
                        + " not found"), List.of())));
    }

    /** How an object is written: created or applied (created or updated), or only tried (a dry run). */
    private enum Mode { APPLY, APPLY_DRY_RUN, CREATE, CREATE_DRY_RUN }

    private CompletionStage<ApiResponse.ApplyOutcome> applyOne(ApiObject raw, WriteBy writeBy) {
        return applyOne(raw, writeBy, Mode.APPLY, null);
    }

    private CompletionStage<ApiResponse.ApplyOutcome> applyOne(ApiObject raw, WriteBy writeBy, Mode mode,
                                                              String manager) {
        if (!Kinds.ALL.contains(raw.kind())) {
            return CompletableFuture.completedFuture(new ApiResponse.ApplyOutcome(raw.kind(), raw.metadata().namespace(),
                    raw.metadata().name(), null, null, ApiError.invalid(READ_ONLY.getOrDefault(raw.kind(),
                    "kind " + raw.kind() + " cannot be applied")), List.of()));
        }
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
        if (object instanceof Service service) {
            return reservePorts(service).thenCompose(reserved -> reserved.error() != null
                    ? CompletableFuture.completedFuture(new ApiResponse.ApplyOutcome(kind, ns, name, null, null,
                            ApiError.invalid(ApiObjects.describe(kind, name) + " is invalid: " + reserved.error()),
                            List.of()))
                    : store(withPorts(service, reserved.ports()), writeBy, mode, manager));
        }
        return store(object, writeBy, mode, manager);
    }

    /** The service's ports checked against every other service's, and its node ports chosen, by the Master. */
    private CompletionStage<MasterProtocol.PortsReserved> reservePorts(Service service) {
        String type = service.spec().type() == null ? "ClusterIP" : service.spec().type();
        return AskPattern.<Master.Command, MasterProtocol.PortsReserved>ask(master, replyTo ->
                        new MasterProtocol.ReservePorts(service.key(), type, service.spec().ports(), replyTo),
                settings.askTimeout(), system.scheduler())
                .exceptionally(t -> new MasterProtocol.PortsReserved(null, "its ports could not be checked: the Master"
                        + " did not answer in time (it may be failing over); try again"));
    }

    private static ApiObject withPorts(Service s, List<ServicePort> ports) {
        var spec = s.spec();
        return new Service(s.apiVersion(), s.kind(), s.metadata(),
                new ServiceSpec(spec.selector(), ports, spec.type(), spec.clusterIP(),
                        spec.sessionAffinity()), s.status());
    }

    private CompletionStage<ApiResponse.ApplyOutcome> store(ApiObject object, WriteBy writeBy, Mode mode,
                                                           String manager) {
        CompletionStage<ApiResponse.ApplyOutcome> written = switch (mode) {
            case APPLY -> writes.apply(object, writeBy, manager);
            case APPLY_DRY_RUN -> writes.preview(object, manager);
            case CREATE -> writes.createOnly(object, false, manager);
            case CREATE_DRY_RUN -> writes.createOnly(object, true, manager);
        };
        return written.exceptionally(failure -> new ApiResponse.ApplyOutcome(object.kind(),
                object.metadata().namespace(), object.metadata().name(), null, null,
                toError(failure, object.kind(), object.metadata().name()), List.of()));
    }

    private CompletionStage<ApiResponse> get(ApiRequest.Get get) {
        String kind = get.kind();
        if (get.name() == null) {
            return lister.list(kind, Kinds.namespaced(kind) ? get.namespace() : null, get.labelSelector(),
                    get.fieldSelector(), get.limit(), get.continueToken());
        }
        ObjectKey key = key(kind, get.namespace(), get.name());
        return writes.store().get(kind, key.namespace(), key.name()).thenApply(found -> found
                .<ApiResponse>map(o -> new ApiResponse.Objects(kind, List.of(o)))
                .orElseGet(() -> notFound(kind, get.name())));
    }

    private CompletionStage<ApiResponse> delete(ApiRequest.Delete delete, WriteBy writeBy) {
        String cascade = delete.cascade() == null ? ApiRequest.Delete.BACKGROUND : delete.cascade();
        if (!List.of(ApiRequest.Delete.BACKGROUND, ApiRequest.Delete.FOREGROUND, ApiRequest.Delete.ORPHAN)
                .contains(cascade)) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid("unsupported cascade \""
                    + cascade + "\": use " + ApiRequest.Delete.BACKGROUND + " (delete what the object owns after it), "
                    + ApiRequest.Delete.FOREGROUND + " (before it) or " + ApiRequest.Delete.ORPHAN
                    + " (leave it, unowned)")));
        }
        if (delete.gracePeriodSeconds() != null && delete.gracePeriodSeconds() < 0) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid("gracePeriodSeconds "
                    + delete.gracePeriodSeconds() + " is negative: give 0 (remove at once) or more seconds")));
        }
        ObjectKey key = key(delete.kind(), delete.namespace(), delete.name());
        ObjectStore store = writes.store();
        return store.get(key.kind(), key.namespace(), key.name()).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(notFound(key.kind(), key.name()));
            }
            ApiObject was = found.get();
            if (was instanceof Pod pod) {
                CompletionStage<ApiResponse> graceful = deleteGracefully(pod, delete.gracePeriodSeconds(), writeBy);
                if (graceful != null) {
                    return graceful;
                }
            }
            if (was instanceof ReplicationController && ApiRequest.Delete.FOREGROUND.equals(cascade)) {
                return deleteInForeground(was, writeBy);
            }
            CompletionStage<ApiError> before = ApiRequest.Delete.ORPHAN.equals(cascade)
                    && ReplicationController.KIND.equals(key.kind()) ? orphanPodsOf(was, writeBy)
                    : CompletableFuture.completedFuture(null);
            // background: the Master deletes the pods of a controller that is gone
            return before.thenCompose(error -> error != null
                    ? CompletableFuture.completedFuture(new ApiResponse.Failure(error))
                    : writeBy.passed() ? CompletableFuture.completedFuture(new ApiResponse.Failure(ObjectWrites.error(
                            was, writeBy.notMade())))
                    : store.commit(new Change.Delete(was)).thenCompose(result -> deleted(was, result)));
        });
    }

    /**
     * A pod running on a node is marked Terminating rather than removed (its agent stops it, then its entity removes
     * it): answered with the pod as marked. Null when the pod is to be removed at once.
     */
    private CompletionStage<ApiResponse> deleteGracefully(Pod pod, Long gracePeriodSeconds, WriteBy writeBy) {
        Instant now = Instant.now();
        PodDeletion.Decision decision = PodDeletion.decide(pod, gracePeriodSeconds, now);
        if (decision instanceof PodDeletion.RemoveNow) {
            return null;
        }
        if (decision instanceof PodDeletion.AlreadyTerminating) {
            return CompletableFuture.completedFuture(new ApiResponse.Deleted(pod));
        }
        ObjectMeta m = pod.metadata();
        return writes.update(Pod.KIND, m.namespace(), m.name(), current -> current.metadata().uid().equals(m.uid())
                        && PodDeletion.decide((Pod) current, gracePeriodSeconds, now) instanceof PodDeletion.MarkTerminating
                        marked ? marked.pod() : null, writeBy)
                .thenApply(result -> result instanceof Result.Stored stored ? new ApiResponse.Deleted(stored.object())
                        : result instanceof Result.Conflict c && c.currentRevision() == 0 ? notFound(Pod.KIND, m.name())
                        : new ApiResponse.Failure(ObjectWrites.error(pod, result)));
    }

    /**
     * A foreground delete of a controller: it is marked (deletionTimestamp), its entity deletes its pods and then
     * removes it. Answered with the controller as marked.
     */
    private CompletionStage<ApiResponse> deleteInForeground(ApiObject rc, WriteBy writeBy) {
        ObjectMeta m = rc.metadata();
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return writes.update(rc.kind(), m.namespace(), m.name(), current -> !current.metadata().uid().equals(m.uid())
                        || current.metadata().deletionTimestamp() != null ? null
                        : current.withMetadata(current.metadata().withDeletionTimestamp(at)), writeBy)
                .thenApply(result -> result instanceof Result.Stored stored ? new ApiResponse.Deleted(stored.object())
                        : result instanceof Result.Conflict c && c.currentRevision() == 0 ? notFound(rc.kind(), m.name())
                        : new ApiResponse.Failure(ObjectWrites.error(rc, result)));
    }

    private CompletionStage<ApiResponse> deleted(ApiObject was, Result result) {
        if (!(result instanceof Result.Stored)) {
            return CompletableFuture.completedFuture(result instanceof Result.Conflict c && c.currentRevision() == 0
                    ? notFound(was.kind(), was.metadata().name()) : new ApiResponse.Failure(ObjectWrites.error(was, result)));
        }
        if (!(was instanceof Service)) {
            return CompletableFuture.completedFuture(new ApiResponse.Deleted(was));
        }
        // a service's endpoints go with it
        ObjectMeta m = was.metadata();
        Endpoints endpoints = new Endpoints("v1", Endpoints.KIND, new ObjectMeta(m.name(), null, m.namespace(), null,
                null, null, null, null, null, null, null), List.of());
        return writes.store().commit(new Change.Delete(endpoints)).thenApply(r -> new ApiResponse.Deleted(was));
    }

    /**
     * Takes the controller's owner reference off each pod it owns, so that deleting it leaves them running; an
     * error when one of them could not be changed (then the controller stays too).
     */
    private CompletionStage<ApiError> orphanPodsOf(ApiObject rc, WriteBy writeBy) {
        String uid = rc.metadata().uid();
        return lister.list(Pod.KIND, rc.metadata().namespace(), null, null, null, null).thenCompose(listed -> {
            if (!(listed instanceof ApiResponse.Objects pods)) {
                return CompletableFuture.completedFuture(((ApiResponse.Failure) listed).error());
            }
            List<CompletableFuture<Result>> updates = new ArrayList<>();
            for (ApiObject o : pods.items()) {
                List<OwnerReference> owners = o.metadata().ownerReferences();
                if (owners != null && owners.stream().anyMatch(r -> uid.equals(r.uid()))) {
                    updates.add(writes.update(Pod.KIND, o.metadata().namespace(), o.metadata().name(),
                            current -> withoutOwner(current, uid), writeBy).toCompletableFuture());
                }
            }
            return CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<String> failed = updates.stream().map(CompletableFuture::join)
                        .filter(r -> !(r instanceof Result.Stored) && !(r instanceof Result.Conflict c && c.currentRevision() == 0))
                        .map(String::valueOf).toList();
                return failed.isEmpty() ? null : ApiError.unavailable("could not orphan the pods of "
                        + ApiObjects.describe(ReplicationController.KIND, rc.metadata().name())
                        + ", so it was not deleted: " + String.join("; ", failed));
            });
        });
    }

    private static ApiObject withoutOwner(ApiObject o, String uid) {
        List<OwnerReference> owners = o.metadata().ownerReferences();
        if (owners == null || owners.stream().noneMatch(r -> uid.equals(r.uid()))) {
            return null;
        }
        List<OwnerReference> rest = owners.stream().filter(r -> !uid.equals(r.uid())).toList();
        ObjectMeta m = o.metadata();
        return o.withMetadata(new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(), m.annotations(),
                m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(), m.deletionTimestamp(),
                rest.isEmpty() ? null : rest, m.managedFields()));
    }

    private CompletionStage<ApiResponse> scale(ApiRequest.Scale scale, WriteBy writeBy) {
        if (!ReplicationController.KIND.equals(scale.kind())) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                    Kinds.plural(scale.kind()) + " have no replicas to scale; only replicationcontrollers do")));
        }
        if (scale.replicas() < 0) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                    "replicas must be 0 or more, not " + scale.replicas())));
        }
        ObjectKey key = key(scale.kind(), scale.namespace(), scale.name());
        String version = scale.resourceVersion() == null || scale.resourceVersion().isEmpty() ? null
                : scale.resourceVersion();
        return writes.update(key.kind(), key.namespace(), key.name(), current -> {
            ReplicationController rc = (ReplicationController) current;
            if (version != null && !version.equals(rc.metadata().resourceVersion())) {
                // guarded on the version the client read: the write fails as a conflict, not tried again
                return ObjectCodec.withVersion(scaled(rc, scale.replicas(), scale.fieldManager()), version);
            }
            return rc.spec().replicas() != null && rc.spec().replicas() == scale.replicas() ? null
                    : scaled(rc, scale.replicas(), scale.fieldManager());
        }, writeBy, version == null).thenApply(result -> result instanceof Result.Stored
                ? new ApiResponse.Applied(List.of(new ApiResponse.ApplyOutcome(key.kind(), key.namespace(), key.name(),
                        SCALED, null, null, List.of())))
                : result instanceof Result.Conflict c && c.currentRevision() == 0 ? notFound(key.kind(), key.name())
                : new ApiResponse.Failure(ObjectWrites.error(new ReplicationController("v1", key.kind(),
                        new ObjectMeta(key.name(), null, key.namespace(), null, null, null, null, null, null, null, null),
                        null, null), result)));
    }

    /** rc scaled to replicas, recorded as manager's Update through the scale subresource (null: not recorded). */
    private static ReplicationController scaled(ReplicationController rc, int replicas, String manager) {
        ObjectMeta m = rc.metadata();
        long generation = m.generation() == null ? 1 : m.generation();
        ReplicationController scaled = new ReplicationController(rc.apiVersion(), rc.kind(), ApiObjects.meta(m, m.uid(),
                m.resourceVersion(), generation + 1, m.creationTimestamp()), rc.spec().withReplicas(replicas),
                rc.status());
        return scaled.withMetadata(scaled.metadata().withManagedFields(Managers.after(rc, scaled, m.managedFields(),
                manager, SCALE_SUBRESOURCE, Instant.now())));
    }

    /** The key of a named object; a namespaced kind's namespace defaults to "default". */
    private static ObjectKey key(String kind, String namespace, String name) {
        String ns = Kinds.namespaced(kind) ? (namespace == null ? Kinds.DEFAULT_NAMESPACE : namespace) : null;
        return new ObjectKey(kind, ns, name);
    }

    private static ApiResponse notFound(String kind, String name) {
        return new ApiResponse.Failure(ApiError.notFound(ApiObjects.describe(kind, name) + " not found"));
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
