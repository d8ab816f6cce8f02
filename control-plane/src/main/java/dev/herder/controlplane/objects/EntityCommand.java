package dev.herder.controlplane.objects;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiResponse;
import dev.herder.protocol.wire.EntityMessage;
import org.apache.pekko.actor.typed.ActorRef;

/** The requests every object's entity takes from the ApiGateway; each is answered with an ApiResponse. */
public interface EntityCommand extends EntityMessage {

    /** Create or update; answered with Applied holding one outcome. */
    record Apply(ApiObject object, ActorRef<ApiResponse> replyTo) implements EntityCommand {
    }

    /** Answered with Objects holding the object, or Failure NOT_FOUND. */
    record Get(ActorRef<ApiResponse> replyTo) implements EntityCommand {
    }

    /** Answered with Deleted, or Failure NOT_FOUND. */
    record Delete(ActorRef<ApiResponse> replyTo) implements EntityCommand {
    }
}
