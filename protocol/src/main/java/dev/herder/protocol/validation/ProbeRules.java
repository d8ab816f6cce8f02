package dev.herder.protocol.validation;

import static dev.herder.protocol.validation.FieldPath.child;
import static dev.herder.protocol.validation.FieldPath.index;

import dev.herder.protocol.api.ExecAction;
import dev.herder.protocol.api.HTTPGetAction;
import dev.herder.protocol.api.HTTPHeader;
import dev.herder.protocol.api.Probe;
import dev.herder.protocol.api.TCPSocketAction;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Probes and lifecycle hooks: one handler each, sane timings, ports that exist. */
final class ProbeRules {
    static final String ONE_HANDLER = "must specify exactly one handler: exec, httpGet or tcpSocket";
    static final List<String> SCHEMES = List.of("HTTP", "HTTPS");
    /** RFC 7230 token characters: what an HTTP header name may hold. */
    private static final Pattern HEADER_NAME = Pattern.compile("[-!#$%&'*+.^_`|~0-9A-Za-z]+");

    enum ProbeKind {
        LIVENESS("livenessProbe"), READINESS("readinessProbe"), STARTUP("startupProbe");

        private final String field;

        ProbeKind(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private ProbeRules() {
    }

    static void validate(Probe p, String path, ProbeKind kind, Set<String> portNames, Errors errors) {
        handler(p.exec(), p.httpGet(), p.tcpSocket(), path, portNames, errors);
        errors.atLeast(child(path, "initialDelaySeconds"), p.initialDelaySeconds(), 0);
        errors.atLeast(child(path, "periodSeconds"), p.periodSeconds(), 1);
        errors.atLeast(child(path, "timeoutSeconds"), p.timeoutSeconds(), 1);
        errors.atLeast(child(path, "failureThreshold"), p.failureThreshold(), 1);
        errors.atLeast(child(path, "successThreshold"), p.successThreshold(), 1);
        if (kind != ProbeKind.READINESS && p.successThreshold() != null && p.successThreshold() > 1) {
            errors.add(child(path, "successThreshold"), "must be 1 for liveness and startup probes");
        }
        if (p.terminationGracePeriodSeconds() != null) {
            if (kind == ProbeKind.READINESS) {
                errors.add(child(path, "terminationGracePeriodSeconds"), "not allowed for readiness probes");
            } else {
                errors.atLeast(child(path, "terminationGracePeriodSeconds"), p.terminationGracePeriodSeconds(), 1);
            }
        }
    }

    /** Exactly one of exec, httpGet and tcpSocket, each well formed. Shared by probes and lifecycle hooks. */
    static void handler(ExecAction exec, HTTPGetAction httpGet, TCPSocketAction tcpSocket, String path,
                        Set<String> portNames, Errors errors) {
        int count = (exec != null ? 1 : 0) + (httpGet != null ? 1 : 0) + (tcpSocket != null ? 1 : 0);
        if (count != 1) {
            errors.add(path, ONE_HANDLER);
        }
        if (exec != null && (exec.command() == null || exec.command().isEmpty())) {
            errors.required(child(child(path, "exec"), "command"));
        }
        if (httpGet != null) {
            httpGet(httpGet, child(path, "httpGet"), portNames, errors);
        }
        if (tcpSocket != null) {
            PortRules.reference(tcpSocket.port(), child(child(path, "tcpSocket"), "port"), portNames, errors);
        }
    }

    private static void httpGet(HTTPGetAction get, String path, Set<String> portNames, Errors errors) {
        PortRules.reference(get.port(), child(path, "port"), portNames, errors);
        errors.oneOf(child(path, "scheme"), get.scheme(), SCHEMES);
        List<HTTPHeader> headers = get.httpHeaders();
        if (headers == null) {
            return;
        }
        for (int i = 0; i < headers.size(); i++) {
            HTTPHeader h = headers.get(i);
            String at = child(index(child(path, "httpHeaders"), i), "name");
            if (h != null && errors.requireText(at, h.name()) && !HEADER_NAME.matcher(h.name()).matches()) {
                errors.add(at, "invalid value " + Names.quote(h.name()) + ": must be a valid HTTP header name");
            }
        }
    }
}
