package dev.herder.agent.probes;

import dev.herder.protocol.api.HTTPGetAction;
import dev.herder.protocol.api.HTTPHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * An httpGet probe: GET scheme://host:port/path with the probe's headers, passing on a status from 200 to 399.
 * Redirects are not followed (a 3xx passes), certificates are not checked, the body is read and dropped.
 * Headers the JDK's client reserves to itself (Host, Connection, Content-Length...) cannot be set.
 */
final class HttpGetCheck {

    static final String DEFAULT_SCHEME = "http";
    static final String DEFAULT_PATH = "/";
    static final String USER_AGENT = "herder-probe/1";
    static final String DEFAULT_ACCEPT = "*/*";
    static final int FIRST_PASSING_STATUS = 200;
    static final int LAST_PASSING_STATUS = 399;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(TrustingTls.context())
            .build();

    /** The URL the probe asks for, as shown in its messages. */
    static String url(HTTPGetAction get, ProbeTarget target) {
        String scheme = get.scheme() == null || get.scheme().isBlank() ? DEFAULT_SCHEME
                : get.scheme().toLowerCase(Locale.ROOT);
        String path = get.path() == null || get.path().isBlank() ? DEFAULT_PATH
                : get.path().startsWith("/") ? get.path() : "/" + get.path();
        return scheme + "://" + target.authority() + path;
    }

    /** Runs the request, blocking at most about timeout; a failure to connect or to get an answer throws. */
    ProbeResult check(HTTPGetAction get, String url, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(timeout);
        List<HTTPHeader> headers = get.httpHeaders() == null ? List.of() : get.httpHeaders();
        boolean userAgent = false;
        boolean accept = false;
        for (HTTPHeader header : headers) {
            try {
                request.header(header.name(), header.value() == null ? "" : header.value());
            } catch (IllegalArgumentException reserved) {
                return ProbeResult.failure("Get \"" + url + "\": header " + header.name()
                        + " cannot be set by a probe (httpGet.httpHeaders): " + reserved.getMessage());
            }
            userAgent |= "User-Agent".equalsIgnoreCase(header.name());
            accept |= "Accept".equalsIgnoreCase(header.name());
        }
        if (!userAgent) {
            request.header("User-Agent", USER_AGENT);
        }
        if (!accept) {
            request.header("Accept", DEFAULT_ACCEPT);
        }
        int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= FIRST_PASSING_STATUS && status <= LAST_PASSING_STATUS) {
            return ProbeResult.success("Get \"" + url + "\": status " + status);
        }
        return ProbeResult.failure("Get \"" + url + "\": HTTP probe failed with statuscode: " + status);
    }
}
