package dev.herder.controlplane.objects;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.EntityInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an object's entity does beyond holding it: the messages its kind takes (a pod's status reports, a
 * node's heartbeats, a controller's observed pods) and a periodic check. One instance per entity, so it may
 * remember things that need not be stored (the last report's version, the time of the last heartbeat).
 */
public interface KindRules {

    /**
     * What to do with a message: write an object (or nothing), or remove the object held (guarded on its version),
     * then answer.
     */
    record Reaction(ApiObject write, Consumer<Optional<ApiObject>> onStored, Consumer<ApiError> onFailed,
                    boolean removes) {
        public Reaction(ApiObject write, Consumer<Optional<ApiObject>> onStored, Consumer<ApiError> onFailed) {
            this(write, onStored, onFailed, false);
        }

        /** Remove the object the entity holds, at the version it read. */
        public static Reaction remove() {
            return new Reaction(null, o -> { }, e -> { }, true);
        }

        public static Reaction none() {
            return new Reaction(null, o -> { }, e -> { });
        }

        public static Reaction write(ApiObject object) {
            return new Reaction(object, o -> { }, e -> { });
        }

        /** The message names a newer object than the entity holds (a new uid, a bind): read it again and retry. */
        public static Reaction stale() {
            return STALE;
        }

        private static final Reaction STALE = new Reaction(null, o -> { }, e -> { });
    }

    /** A message for the entity; the default ignores it. */
    default Reaction onMessage(EntityInput message, Optional<ApiObject> current, Instant now) {
        return Reaction.none();
    }

    /**
     * The object as someone else last saw it in the store (the Master's view sends it along), if it is newer than
     * the entity's: the entity takes it before it handles the message. Empty when the message carries none.
     */
    default Optional<ApiObject> carried(EntityInput message) {
        return Optional.empty();
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
