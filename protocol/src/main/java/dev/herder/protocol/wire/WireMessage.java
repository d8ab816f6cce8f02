package dev.herder.protocol.wire;

/**
 * Marker of every message that crosses a process boundary. Pekko serializes whatever implements
 * it with Jackson CBOR (serialization-bindings in each module's reference.conf).
 */
public interface WireMessage {
}
