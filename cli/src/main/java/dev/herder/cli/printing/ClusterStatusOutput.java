package dev.herder.cli.printing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.wire.ApiResponse.Cluster;
import dev.herder.protocol.wire.ApiResponse.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code herder cluster status}: the members as a table, or as JSON. */
public final class ClusterStatusOutput {
    static final String LEADER_MARKER = " (leader)";
    private static final String LEADER_LINE = "Leader (Master singleton): ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterStatusOutput() {
    }

    public static String table(Cluster cluster) {
        String leader = hostPort(cluster.leader());
        Table table = new Table(List.of("ADDRESS", "ROLES", "STATUS", "REACHABLE"));
        for (Member member : Cells.orEmpty(cluster.members())) {
            String address = hostPort(member.address());
            table.add(List.of(
                    address.equals(leader) ? address + LEADER_MARKER : address,
                    Cells.orNone(member.roles()),
                    Cells.orNone(member.status()),
                    member.reachable() ? "yes" : "no"));
        }
        return table.render() + System.lineSeparator()
                + LEADER_LINE + Cells.orNone(leader) + System.lineSeparator();
    }

    /** {"leader":"127.0.0.1:2551","members":[{"address":..,"roles":[..],"status":"Up","reachable":true}, ...]} */
    public static String json(Cluster cluster) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("leader", hostPort(cluster.leader()));
        root.put("members", Cells.orEmpty(cluster.members()).stream().map(ClusterStatusOutput::member).toList());
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cluster status as JSON", e);
        }
    }

    private static Map<String, Object> member(Member member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("address", hostPort(member.address()));
        fields.put("roles", Cells.orEmpty(member.roles()));
        fields.put("status", member.status());
        fields.put("reachable", member.reachable());
        return fields;
    }

    /** host:port of an address given either so or as a full Pekko address (pekko://herder@host:port). */
    static String hostPort(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at + 1);
    }
}
