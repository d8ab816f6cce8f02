package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.herder.protocol.api.HTTPGetAction;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.Probe;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS probes, like the kubelet's, accept a self-signed certificate made for another name. */
class ProbeRunnerHttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    /** Generous: the first TLS handshake of a cold JVM is slow. */
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("probe.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "probe", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=some.other.name", "-validity", "1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS), "keytool did not finish");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), "keytool: " + output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void httpsGetAcceptsASelfSignedCertificate(@TempDir Path dir) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(ProbeRunnerHttpTest.LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        server.createContext("/healthz", exchange -> ProbeRunnerHttpTest.answer(exchange, 200, "ok"));
        server.createContext("/bad", exchange -> ProbeRunnerHttpTest.answer(exchange, 500, "broken"));
        server.start();
        int port = server.getAddress().getPort();
        try (ProbeRunner runner = new ProbeRunner(null)) {
            var container = ProbeRunnerHttpTest.container("web", List.of());
            ProbeResult ok = runner.run(https("/healthz", port), container, "-", ProbeRunnerHttpTest.LOOPBACK);
            assertTrue(ok.success(), ok.message());
            assertTrue(ok.message().contains("https://127.0.0.1:" + port + "/healthz"), ok.message());
            ProbeResult bad = runner.run(https("/bad", port), container, "-", ProbeRunnerHttpTest.LOOPBACK);
            assertFalse(bad.success(), bad.message());
        } finally {
            server.stop(0);
        }
    }

    private static Probe https(String path, int port) {
        return new Probe(null, new HTTPGetAction(path, IntOrString.of(port), null, "HTTPS", null), null, null, null,
                PROBE_TIMEOUT_SECONDS, null, null, null);
    }
}
