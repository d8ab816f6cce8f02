package dev.herder.cli.certs;

import java.util.List;

/**
 * Who one certificate names, as Kubernetes reads a client certificate: the user is the common name, the groups are
 * the organizations. Its addresses (IP addresses or DNS names) are what a server certificate is valid for; folder
 * is where its files go below the certificates' folder.
 */
public record Identity(String folder, String commonName, List<String> organizations, List<String> addresses,
                       boolean server, boolean client) {

    /** The group every agent node is in (Kubernetes' name, which the node authorizer keys on). */
    public static final String NODES_GROUP = "system:nodes";
    /** The group that may do anything (Kubernetes' name). */
    public static final String MASTERS_GROUP = "system:masters";
    /** The group of Herder's control-plane nodes. */
    public static final String CONTROL_PLANE_GROUP = "herder:control-plane";
    /** The group of the etcd members. */
    public static final String ETCD_GROUP = "herder:etcd";

    public Identity {
        organizations = List.copyOf(organizations);
        addresses = List.copyOf(addresses);
    }

    /** A control-plane node: serves Pekko remoting and the API, and is a client of the other nodes and of etcd. */
    public static Identity controlPlane(String name, String address) {
        return new Identity(name, name, List.of(CONTROL_PLANE_GROUP), local(address), true, true);
    }

    /** An agent node, named as Kubernetes names a kubelet: system:node:NAME in system:nodes. */
    public static Identity agent(String node, String address) {
        return new Identity(node, "system:node:" + node, List.of(NODES_GROUP), local(address), true, true);
    }

    /** An etcd member: serves clients and its peers, and is a client of its peers. */
    public static Identity etcd(String name, String address) {
        return new Identity(name, name, List.of(ETCD_GROUP), local(address), true, true);
    }

    /** The administrator's client certificate (kubectl's and herder's), in system:masters. */
    public static Identity admin() {
        return new Identity("admin", "admin", List.of(MASTERS_GROUP), List.of(), false, true);
    }

    /** The address, and the loopback names a process on the same machine reaches it by. */
    private static List<String> local(String address) {
        return address.equals("127.0.0.1") ? List.of("127.0.0.1", "localhost")
                : List.of(address, "127.0.0.1", "localhost");
    }
}
