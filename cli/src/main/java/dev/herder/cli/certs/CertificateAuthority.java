package dev.herder.cli.certs;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's certificate authority: a self-signed CA certificate and its key, which sign every node's, etcd
 * member's and user's certificate (Bouncy Castle builds and signs them; keys are RSA 2048, signatures SHA-256,
 * which Pekko's PEM reader, etcd and kubectl all take).
 */
final class CertificateAuthority {
    static final String CA_CERT = "ca.crt";
    static final String CA_KEY = "ca.key";
    private static final String SIGNATURE = "SHA256withRSA";
    private static final int KEY_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** The CA whose files are in folder; made there first when it has none (so one CA signs every later run). */
    static CertificateAuthority inFolder(Path folder, String clusterName, Duration validity) throws IOException {
        Path cert = folder.resolve(CA_CERT);
        Path key = folder.resolve(CA_KEY);
        if (Files.exists(cert) != Files.exists(key)) {
            throw new IOException("the certificate authority in " + folder + " is half there (" + CA_CERT + " and "
                    + CA_KEY + " go together): restore the missing file, or move both away to make a new CA");
        }
        if (Files.exists(cert)) {
            return new CertificateAuthority(PemFiles.readCertificate(cert), PemFiles.readKey(key));
        }
        KeyPair keys = newKeys();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, clusterName + "-ca").build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keys, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign
                            | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate ca = sign(builder, keys.getPrivate());
            PemFiles.writeKey(key, keys.getPrivate());
            PemFiles.writeCertificate(cert, ca);
            return new CertificateAuthority(ca, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the cluster's certificate authority: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A new key and a certificate for it, naming the identity, signed by this CA. */
    Issued issue(Identity identity, Duration validity) throws IOException {
        KeyPair keys = newKeys();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        identity.organizations().forEach(o -> subject.addRDN(BCStyle.O, o));
        subject.addRDN(BCStyle.CN, identity.commonName());
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (identity.server()) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (identity.client()) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(certificate.getSubjectX500Principal()
                    .getEncoded()), subject.build(), keys, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (!identity.addresses().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(identity));
            }
            return new Issued(sign(builder, key), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the certificate of " + identity.commonName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A certificate this CA signed, and its key. */
    record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private static GeneralNames alternativeNames(Identity identity) {
        List<GeneralName> names = new ArrayList<>();
        for (String address : identity.addresses()) {
            names.add(new GeneralName(isIpAddress(address) ? GeneralName.iPAddress : GeneralName.dNSName, address));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static boolean isIpAddress(String address) {
        return address.matches("[0-9.]+") || address.contains(":");
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys,
                                                    Duration validity) {
        Instant now = Instant.now();
        // a little in the past, so a machine whose clock is slightly behind still takes it
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    private static KeyPair newKeys() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("this Java cannot make RSA keys: " + e.getMessage(), e);
        }
    }
}
