package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** A health check of a container, with Kubernetes' timing fields. */
public record Probe(
    ExecAction exec,
    HTTPGetAction httpGet,
    TCPSocketAction tcpSocket,
    Integer initialDelaySeconds,
    Integer periodSeconds,
    Integer timeoutSeconds,
    Integer successThreshold,
    Integer failureThreshold,
    Long terminationGracePeriodSeconds) {}
