package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** An HTTP GET against the pod's address. */
public record HTTPGetAction(
    String path,
    IntOrString port,
    String host,
    String scheme,
    List<HTTPHeader> httpHeaders) {}
