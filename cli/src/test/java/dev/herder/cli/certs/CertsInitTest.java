package dev.herder.cli.certs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herder certs init} run as a user runs it, and its certificates used as the cluster will use them: a real
 * mutual-TLS handshake on loopback between a control-plane node and the administrator, which a certificate of
 * another CA fails.
 */
class CertsInitTest {
    @TempDir
    Path dir;

    @Test
    void makesACaAndACertificatePerNodeMemberAndAdministratorSignedByIt() throws Exception {
        CliRun.Result run = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString());
        assertEquals(0, run.exitCode(), run::err);
        X509Certificate ca = PemFiles.readCertificate(dir.resolve("ca.crt"));
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints(), "the CA may sign (no path length limit)");
        for (String who : List.of("control-plane-1", "control-plane-2", "control-plane-3", "node-1", "node-2",
                "etcd-1", "etcd-2", "etcd-3", "admin")) {
            X509Certificate cert = PemFiles.readCertificate(dir.resolve(who).resolve("tls.crt"));
            cert.verify(ca.getPublicKey());
            assertEquals(-1, cert.getBasicConstraints(), who + " is no CA");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(who).resolve("tls.key"))), who + "'s key is its owner's alone");
            assertArrayEquals(ca.getEncoded(), PemFiles.readCertificate(dir.resolve(who).resolve("ca.crt"))
                    .getEncoded());
            assertTrue(run.out().contains("made  " + dir.resolve(who)), run.out());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("ca.key"))));

        X509Certificate node = PemFiles.readCertificate(dir.resolve("node-1/tls.crt"));
        assertEquals("system:node:node-1", part(node, "CN"));
        assertEquals("system:nodes", part(node, "O"));
        assertTrue(alternativeNames(node).contains("127.0.0.2"), alternativeNames(node).toString());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), node.getExtendedKeyUsage(),
                "a node serves and is a client");
        X509Certificate admin = PemFiles.readCertificate(dir.resolve("admin/tls.crt"));
        assertEquals("admin", part(admin, "CN"));
        assertEquals("system:masters", part(admin, "O"));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), admin.getExtendedKeyUsage(), "the administrator is a client");
        assertTrue(alternativeNames(PemFiles.readCertificate(dir.resolve("control-plane-1/tls.crt")))
                .containsAll(List.of("127.0.0.1", "localhost")));
    }

    @Test
    void aMutualTlsHandshakeTakesTheClusterCertificatesAndRefusesAnotherCas() throws Exception {
        assertEquals(0, CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString()).exitCode());
        Path other = dir.resolve("other-cluster");
        assertEquals(0, CliRun.run(null, Map.of(), "", "certs", "init", "--dir", other.toString()).exitCode());

        assertEquals("CN=admin,O=system:masters", handshake(dir.resolve("control-plane-1"), dir.resolve("admin")));
        assertThrows(SSLException.class, () -> handshake(dir.resolve("control-plane-1"), other.resolve("admin")),
                "a client certificate of another CA is refused");
        assertThrows(SSLException.class, () -> handshake(other.resolve("control-plane-1"), dir.resolve("admin")),
                "a server of another CA is not trusted");
    }

    @Test
    void runningAgainKeepsWhatIsThereAddsWhatIsMissingAndRenewReplacesAllButTheCa() throws Exception {
        assertEquals(0, CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString()).exitCode());
        byte[] ca = Files.readAllBytes(dir.resolve("ca.crt"));
        byte[] node1 = Files.readAllBytes(dir.resolve("node-1/tls.crt"));

        CliRun.Result again = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString(),
                "--agent", "node-1=127.0.0.2", "--agent", "node-3=127.0.0.4");
        assertEquals(0, again.exitCode(), again::err);
        assertTrue(again.out().contains("kept  " + dir.resolve("node-1")), again.out());
        assertTrue(again.out().contains("made  " + dir.resolve("node-3")), again.out());
        assertArrayEquals(ca, Files.readAllBytes(dir.resolve("ca.crt")));
        assertArrayEquals(node1, Files.readAllBytes(dir.resolve("node-1/tls.crt")));
        PemFiles.readCertificate(dir.resolve("node-3/tls.crt")).verify(
                PemFiles.readCertificate(dir.resolve("ca.crt")).getPublicKey());

        CliRun.Result renewed = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString(), "--renew");
        assertEquals(0, renewed.exitCode(), renewed::err);
        assertFalse(renewed.out().contains("kept"), renewed.out());
        assertArrayEquals(ca, Files.readAllBytes(dir.resolve("ca.crt")));
        assertFalse(Arrays.equals(node1, Files.readAllBytes(dir.resolve("node-1/tls.crt"))));
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() throws Exception {
        CliRun.Result badName = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString(),
                "--agent", "Node_1=127.0.0.2");
        assertEquals(1, badName.exitCode());
        assertTrue(badName.err().contains("--agent takes NAME=ADDRESS") && badName.err().contains("Node_1"),
                badName.err());
        CliRun.Result twice = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString(),
                "--agent", "etcd-1=127.0.0.2");
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("share the name etcd-1"), twice.err());
        assertFalse(Files.exists(dir.resolve("ca.crt")), "nothing is made when the input is refused");
        assertEquals(0, CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString()).exitCode());
        Files.delete(dir.resolve("ca.key"));
        Files.writeString(dir.resolve("ca.crt"), "x");
        CliRun.Result half = CliRun.run(null, Map.of(), "", "certs", "init", "--dir", dir.toString());
        assertEquals(1, half.exitCode());
        assertTrue(half.err().contains("half there"), half.err());
    }

    /** Connects a client with the files in clientFolder to a server with serverFolder's; the server's view of it. */
    private static String handshake(Path serverFolder, Path clientFolder) throws Exception {
        SSLContext server = context(serverFolder);
        SSLContext client = context(clientFolder);
        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            listening.setNeedClientAuth(true);
            CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listening.accept()) {
                    accepted.setSoTimeout(10_000);
                    InputStream in = accepted.getInputStream();
                    int read = in.read();
                    accepted.getOutputStream().write(read);
                    return accepted.getSession().getPeerPrincipal().getName();
                } catch (IOException e) {
                    return "refused: " + e;
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1",
                    listening.getLocalPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the server's address must be in its SANs
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(42);
                out.flush();
                assertEquals(42, socket.getInputStream().read());
            }
            return peer.get(10, TimeUnit.SECONDS);
        }
    }

    private static SSLContext context(Path folder) throws Exception {
        char[] none = new char[0];
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, none);
        own.setKeyEntry("own", PemFiles.readKey(folder.resolve("tls.key")), none,
                new Certificate[] {PemFiles.readCertificate(folder.resolve("tls.crt"))});
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, none);
        trusted.setCertificateEntry("ca", PemFiles.readCertificate(folder.resolve("ca.crt")));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, none);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static String part(X509Certificate certificate, String type) throws Exception {
        for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
            if (rdn.getType().equalsIgnoreCase(type)) {
                return rdn.getValue().toString();
            }
        }
        return null;
    }

    private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    }
}
