package dev.herder.cli.certs;

import dev.herder.cli.CliContext;
import dev.herder.cli.CliException;
import dev.herder.cli.HerderCommand;
import dev.herder.cli.options.Servers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herder certs init}: the cluster's CA and a certificate for every control-plane node, agent node, etcd
 * member and the administrator, in one folder (by default the local cluster's, .local/certs). Running it again keeps
 * what is there and adds what is missing; --renew replaces every certificate and key but the CA's.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Make the cluster's certificate authority and the certificates of its nodes, etcd members and"
                + " administrator (what is there already is kept).")
public final class CertsInitCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:-]+");

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Where the certificates go (default: the local cluster's, $HERDER_LOCAL_DIR/certs or"
                    + " .local/certs).")
    private Path dir;

    @Option(names = "--cluster-name", defaultValue = "herder", description = "Names the CA (NAME-ca).")
    private String clusterName;

    @Option(names = "--control-plane", paramLabel = "NAME=ADDRESS",
            description = "A control-plane node and its address, once per node (default: control-plane-1..3 at"
                    + " 127.0.0.1).")
    private List<String> controlPlanes = new ArrayList<>();

    @Option(names = "--agent", paramLabel = "NODE=ADDRESS",
            description = "An agent node and its address, once per node (default: node-1 at 127.0.0.2, node-2 at"
                    + " 127.0.0.3); its certificate names system:node:NODE in system:nodes.")
    private List<String> agents = new ArrayList<>();

    @Option(names = "--etcd", paramLabel = "NAME=ADDRESS",
            description = "An etcd member and its address, once per member (default: etcd-1..3 at 127.0.0.1).")
    private List<String> etcdMembers = new ArrayList<>();

    @Option(names = "--days", defaultValue = "365", description = "How long the certificates are valid, in days.")
    private int days;

    @Option(names = "--renew", description = "Replace every certificate and key (the CA stays).")
    private boolean renew;

    @Override
    public Integer call() {
        CliContext context = HerderCommand.of(spec).context();
        if (days < 1) {
            throw new CliException("--days must be 1 or more, not " + days);
        }
        List<Identity> identities = identities();
        Path folder = dir != null ? dir : Path.of(context.env().getOrDefault(Servers.LOCAL_DIR_ENV, Servers.LOCAL_DIR))
                .resolve("certs");
        List<ClusterCertificates.Outcome> outcomes;
        try {
            outcomes = ClusterCertificates.make(folder, clusterName, identities, Duration.ofDays(days), renew);
        } catch (IOException e) {
            throw new CliException("could not make the certificates in " + folder + ": " + e.getMessage());
        }
        context.out().println("certificate authority: " + folder.resolve(CertificateAuthority.CA_CERT));
        for (ClusterCertificates.Outcome outcome : outcomes) {
            Identity who = outcome.identity();
            context.out().printf("%-5s %s/{%s,%s}  CN=%s O=%s%s%n", outcome.made() ? "made" : "kept",
                    outcome.folder(), ClusterCertificates.CERT, ClusterCertificates.KEY, who.commonName(),
                    String.join(",", who.organizations()),
                    who.addresses().isEmpty() ? "" : "  for " + String.join(", ", who.addresses()));
        }
        return 0;
    }

    private List<Identity> identities() {
        List<Identity> all = new ArrayList<>();
        for (String[] node : pairs("--control-plane", controlPlanes, List.of("control-plane-1=127.0.0.1",
                "control-plane-2=127.0.0.1", "control-plane-3=127.0.0.1"))) {
            all.add(Identity.controlPlane(node[0], node[1]));
        }
        for (String[] node : pairs("--agent", agents, List.of("node-1=127.0.0.2", "node-2=127.0.0.3"))) {
            all.add(Identity.agent(node[0], node[1]));
        }
        for (String[] member : pairs("--etcd", etcdMembers, List.of("etcd-1=127.0.0.1", "etcd-2=127.0.0.1",
                "etcd-3=127.0.0.1"))) {
            all.add(Identity.etcd(member[0], member[1]));
        }
        all.add(Identity.admin());
        Set<String> folders = new HashSet<>();
        for (Identity identity : all) {
            if (!folders.add(identity.folder())) {
                throw new CliException("two certificates would share the name " + identity.folder()
                        + ": give every control-plane node, agent node and etcd member its own name (admin is"
                        + " the administrator's)");
            }
        }
        return all;
    }

    private static List<String[]> pairs(String option, List<String> given, List<String> defaults) {
        List<String[]> pairs = new ArrayList<>();
        for (String text : given.isEmpty() ? defaults : given) {
            String[] pair = text.split("=", 2);
            if (pair.length != 2 || !NAME.matcher(pair[0]).matches() || !ADDRESS.matcher(pair[1]).matches()) {
                throw new CliException(option + " takes NAME=ADDRESS (a lower-case name of letters, digits, '-'"
                        + " and '.', and an IP address or host name), not '" + text + "'");
            }
            pairs.add(pair);
        }
        return pairs;
    }
}
