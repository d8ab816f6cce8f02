package dev.herder.protocol.api;

import java.util.List;
import java.util.Map;

/** One lifecycle hook: exec, httpGet or tcpSocket. */
public record LifecycleHandler(
    ExecAction exec,
    HTTPGetAction httpGet,
    TCPSocketAction tcpSocket) {}
