package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A TCP connect against the pod's address. */
public record TCPSocketAction(
    IntOrString port,
    String host) {}
