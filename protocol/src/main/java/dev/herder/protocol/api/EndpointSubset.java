package dev.herder.protocol.api;

import java.util.List;

/** Addresses that serve the same ports. */
public record EndpointSubset(List<EndpointAddress> addresses, List<EndpointAddress> notReadyAddresses,
                             List<EndpointPort> ports) {
}
