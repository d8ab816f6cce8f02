package dev.herder.protocol.api;

import java.util.List;

/**
 * Where a service's traffic goes: the addresses of the pods its selector matches, Ready ones in addresses and
 * the others in notReadyAddresses, grouped with the ports they serve (a named targetPort may resolve to other
 * numbers in other pods). Named after its service and kept by the service's entity; users read it, never apply it.
 */
public record Endpoints(String apiVersion, String kind, ObjectMeta metadata, List<EndpointSubset> subsets)
        implements ApiObject {
    public static final String KIND = "Endpoints";

    @Override
    public Endpoints withMetadata(ObjectMeta m) {
        return new Endpoints(apiVersion, kind, m, subsets);
    }

    @Override
    public Object specPart() {
        return subsets;
    }
}
