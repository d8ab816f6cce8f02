package dev.herder.cli.certs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and keys as PEM files, the form Pekko's rotating-keys provider, etcd, kubectl and openssl all read:
 * a certificate as CERTIFICATE, a key as PKCS#8 PRIVATE KEY, readable by its owner only. A file is written beside
 * its place and moved there, so a reader never sees half of one.
 */
final class PemFiles {
    private PemFiles() {
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        write(file, pem(certificate), false);
    }

    static void writeKey(Path file, PrivateKey key) throws IOException {
        write(file, pem(new JcaPKCS8Generator(key, null).generate()), true);
    }

    static X509Certificate readCertificate(Path file) throws IOException {
        Object read = parse(file);
        if (!(read instanceof X509CertificateHolder holder)) {
            throw new IOException(file + " holds no PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException(file + " holds a certificate that cannot be read: " + e.getMessage(), e);
        }
    }

    static PrivateKey readKey(Path file) throws IOException {
        Object read = parse(file);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (read instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        if (read instanceof PEMKeyPair pair) {
            KeyPair keys = converter.getKeyPair(pair);
            return keys.getPrivate();
        }
        throw new IOException(file + " holds no PEM private key (PKCS#8 PRIVATE KEY or PKCS#1 RSA PRIVATE KEY)");
    }

    private static Object parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                secret ? "rw-------" : "rw-r--r--")));
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
