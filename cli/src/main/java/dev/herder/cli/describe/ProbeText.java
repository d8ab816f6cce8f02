package dev.herder.cli.describe;

import dev.herder.protocol.api.HTTPGetAction;
import dev.herder.protocol.api.Probe;
import dev.herder.protocol.api.TCPSocketAction;

/** A probe in one line, as kubectl: {@code http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3}. */
final class ProbeText {
    /** Kubernetes' defaults for the probe fields a manifest leaves out. */
    static final int DEFAULT_DELAY_SECONDS = 0;
    static final int DEFAULT_TIMEOUT_SECONDS = 1;
    static final int DEFAULT_PERIOD_SECONDS = 10;
    static final int DEFAULT_SUCCESS_THRESHOLD = 1;
    static final int DEFAULT_FAILURE_THRESHOLD = 3;
    private static final String DEFAULT_SCHEME = "HTTP";

    private ProbeText() {
    }

    static String of(Probe probe) {
        return action(probe) + " delay=" + or(probe.initialDelaySeconds(), DEFAULT_DELAY_SECONDS) + "s"
                + " timeout=" + or(probe.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS) + "s"
                + " period=" + or(probe.periodSeconds(), DEFAULT_PERIOD_SECONDS) + "s"
                + " #success=" + or(probe.successThreshold(), DEFAULT_SUCCESS_THRESHOLD)
                + " #failure=" + or(probe.failureThreshold(), DEFAULT_FAILURE_THRESHOLD);
    }

    private static String action(Probe probe) {
        if (probe.httpGet() != null) {
            HTTPGetAction get = probe.httpGet();
            String scheme = get.scheme() == null ? DEFAULT_SCHEME : get.scheme();
            String host = get.host() == null ? "" : get.host();
            String path = get.path() == null ? "" : get.path();
            return "http-get " + scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + get.port() + path;
        }
        if (probe.tcpSocket() != null) {
            TCPSocketAction tcp = probe.tcpSocket();
            return "tcp-socket " + (tcp.host() == null ? "" : tcp.host()) + ":" + tcp.port();
        }
        if (probe.exec() != null) {
            return "exec " + probe.exec().command();
        }
        return "unknown";
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
