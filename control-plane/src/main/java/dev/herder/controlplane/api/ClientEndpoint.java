package dev.herder.controlplane.api;

import dev.herder.protocol.wire.ApiRequest;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.client.ClusterClientReceptionist;
import org.apache.pekko.pattern.Patterns;

/**
 * Where the herder CLI's requests arrive: a classic actor (ClusterClientReceptionist serves classic actors
 * only) registered with the receptionist as /user/api-gateway. It hands each request to the ApiService and
 * pipes the answer back to the client's tunnel.
 */
@SuppressWarnings("deprecation")
public final class ClientEndpoint extends AbstractActor {
    public static final String NAME = "api-gateway";
    private final ApiService service;

    private ClientEndpoint(ApiService service) {
        this.service = service;
    }

    public static Props props(ApiService service) {
        return Props.create(ClientEndpoint.class, () -> new ClientEndpoint(service));
    }

    @Override
    public void preStart() {
        ClusterClientReceptionist.get(getContext().getSystem()).registerService(getSelf());
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(ApiRequest.class, request -> Patterns.pipe(service.handle(request), getContext().getDispatcher())
                        .to(getSender()))
                .build();
    }
}
