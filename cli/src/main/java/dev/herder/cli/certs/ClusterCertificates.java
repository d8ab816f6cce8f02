package dev.herder.cli.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificates of a cluster in one folder: the CA (ca.crt, ca.key) and a folder per identity holding tls.crt,
 * tls.key and the CA's ca.crt (the layout Pekko's rotating-keys provider reads, and etcd and kubeconfig files name).
 * Making them again keeps what is there and signed by the folder's CA, and makes what is missing, so a node added
 * later gets its certificate from the same CA; renew replaces every identity's certificate and key (the CA stays).
 */
public final class ClusterCertificates {
    public static final String CERT = "tls.crt";
    public static final String KEY = "tls.key";

    private ClusterCertificates() {
    }

    /** What was done for one identity. */
    public record Outcome(Identity identity, Path folder, boolean made) {
    }

    /** Makes the CA when missing, then each identity's files unless they are there already (or renew is set). */
    public static List<Outcome> make(Path folder, String clusterName, List<Identity> identities, Duration validity,
                                     boolean renew) throws IOException {
        CertificateAuthority ca = CertificateAuthority.inFolder(folder, clusterName, validity);
        List<Outcome> outcomes = new ArrayList<>();
        for (Identity identity : identities) {
            Path own = folder.resolve(identity.folder());
            boolean made = renew || !signedBy(own, ca.certificate());
            if (made) {
                CertificateAuthority.Issued issued = ca.issue(identity, validity);
                PemFiles.writeKey(own.resolve(KEY), issued.key());
                PemFiles.writeCertificate(own.resolve(CERT), issued.certificate());
            }
            PemFiles.writeCertificate(own.resolve(CertificateAuthority.CA_CERT), ca.certificate());
            outcomes.add(new Outcome(identity, own, made));
        }
        return outcomes;
    }

    /** Whether the folder holds a key and a certificate this CA signed. */
    private static boolean signedBy(Path own, X509Certificate ca) throws IOException {
        if (!Files.exists(own.resolve(CERT)) || !Files.exists(own.resolve(KEY))) {
            return false;
        }
        try {
            PemFiles.readCertificate(own.resolve(CERT)).verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
