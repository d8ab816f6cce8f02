package dev.herder.controlplane.objects;

import dev.herder.controlplane.pods.PodStrategy;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import java.time.Instant;
import java.util.Optional;

/**
 * What is particular about one kind when a user writes it (Kubernetes calls this a strategy): defaults on
 * create, which updates are allowed, and which fields the system owns. Pure; {@link Admission} applies it.
 */
public interface KindStrategy {

    default ApiObject onCreate(ApiObject created, Instant now) {
        return created;
    }

    default Optional<ApiError> checkUpdate(ApiObject current, ApiObject incoming) {
        return Optional.empty();
    }

    /** The user's incoming object with the fields the system owns carried over from the stored one. */
    default ApiObject onUpdate(ApiObject current, ApiObject incoming) {
        return incoming;
    }

    /** The strategy of a kind. */
    static KindStrategy of(String kind) {
        return Pod.KIND.equals(kind) ? PodStrategy.INSTANCE : DEFAULT;
    }

    /** For kinds with nothing particular. */
    KindStrategy DEFAULT = new KindStrategy() {
    };
}
