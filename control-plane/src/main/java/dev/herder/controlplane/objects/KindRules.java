package dev.herder.controlplane.objects;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.EntityMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What is particular about one kind: defaults on create, which updates are allowed, and the messages
 * beyond apply/get/delete that its entity takes (a pod's binding and status reports, a node's heartbeats).
 * One instance per entity, so it may remember things that need not be stored (the last report's version,
 * the time of the last heartbeat).
 */
public interface KindRules {

    /** What to do with a message: write an object (or nothing), then answer. */
    record Reaction(ApiObject write, Consumer<Optional<ApiObject>> onStored, Consumer<ApiError> onFailed) {
        public static Reaction none() {
            return new Reaction(null, o -> { }, e -> { });
        }

        public static Reaction write(ApiObject object) {
            return new Reaction(object, o -> { }, e -> { });
        }
    }

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

    /** A message other than apply, get and delete; the default ignores it. */
    default Reaction onMessage(EntityMessage message, Optional<ApiObject> current, Instant now) {
        return Reaction.none();
    }

    /** The object was deleted (the delete is stored): what the entity keeps besides it goes too. */
    default void onDeleted(ApiObject was) {
    }

    /** How often {@link #onTick} runs while the entity lives; empty for never. */
    default Optional<Duration> tickInterval() {
        return Optional.empty();
    }

    default Reaction onTick(Optional<ApiObject> current, Instant now) {
        return Reaction.none();
    }

    /** Rules for kinds with nothing particular yet. */
    KindRules DEFAULT = new KindRules() {
    };
}
