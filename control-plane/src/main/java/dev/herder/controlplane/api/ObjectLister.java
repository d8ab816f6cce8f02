package dev.herder.controlplane.api;

import dev.herder.controlplane.ControlPlaneSettings;
import dev.herder.controlplane.store.BucketKey;
import dev.herder.controlplane.store.ObjectBucket;
import dev.herder.controlplane.store.StoreKeys;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.selector.FieldSelector;
import dev.herder.protocol.selector.LabelSelector;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;

/** Lists the objects of one kind: every bucket read with ReadMajority, filtered by namespace, labels and fields. */
public final class ObjectLister {
    private final ActorSystem<?> system;
    private final StoreKeys keys;
    private final ControlPlaneSettings settings;

    public ObjectLister(ActorSystem<?> system, StoreKeys keys, ControlPlaneSettings settings) {
        this.system = system;
        this.keys = keys;
        this.settings = settings;
    }

    /** The objects of a kind in a namespace (null: all) whose labels and fields match the selectors (null: any). */
    public CompletionStage<ApiResponse> list(String kind, String namespace, String selectorText, String fieldText) {
        LabelSelector selector;
        FieldSelector fields;
        try {
            selector = LabelSelector.parse(selectorText == null ? "" : selectorText);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(
                    "invalid label selector \"" + selectorText + "\": " + e.getMessage())));
        }
        try {
            fields = FieldSelector.parse(fieldText);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(e.getMessage())));
        }
        var unsupported = fields.unsupported(kind);
        if (unsupported.isPresent()) {
            return CompletableFuture.completedFuture(new ApiResponse.Failure(ApiError.invalid(unsupported.get())));
        }
        List<CompletableFuture<Map<String, ApiObject>>> reads = new ArrayList<>();
        for (BucketKey key : keys.all(kind)) {
            reads.add(read(key).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ApiObject> items = new ArrayList<>();
            for (CompletableFuture<Map<String, ApiObject>> read : reads) {
                for (ApiObject o : read.join().values()) {
                    if ((namespace == null || namespace.equals(o.metadata().namespace()))
                            && selector.matches(o.metadata().labels() == null ? Map.of() : o.metadata().labels())
                            && fields.matches(o)) {
                        items.add(o);
                    }
                }
            }
            items.sort(Comparator.comparing((ApiObject o) -> String.valueOf(o.metadata().namespace()))
                    .thenComparing(o -> o.metadata().name()));
            return new ApiResponse.Objects(kind, items);
        });
    }

    private CompletionStage<Map<String, ApiObject>> read(BucketKey key) {
        return AskPattern.<Replicator.Command, Replicator.GetResponse<ObjectBucket>>ask(
                        DistributedData.get(system).replicator(),
                        replyTo -> new Replicator.Get<>(key, new Replicator.ReadMajority(settings.readTimeout()), replyTo),
                        settings.askTimeout(), system.scheduler())
                .thenApply(rsp -> {
                    if (rsp instanceof Replicator.GetSuccess<ObjectBucket> ok) {
                        return ok.get(key).objects();
                    } else if (rsp instanceof Replicator.NotFound<ObjectBucket>) {
                        return Map.<String, ApiObject>of();
                    }
                    throw new java.util.concurrent.CompletionException(new java.util.concurrent.TimeoutException(
                            "could not read " + key.id() + " from a majority of control-plane nodes"));
                });
    }
}
