package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** An address of a node (InternalIP, Hostname). */
public record NodeAddress(
    String type,
    String address) {}
