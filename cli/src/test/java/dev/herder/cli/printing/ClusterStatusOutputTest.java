package dev.herder.cli.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.protocol.wire.ApiResponse.Cluster;
import dev.herder.protocol.wire.ApiResponse.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStatusOutputTest {
    private static final Cluster CLUSTER = new Cluster(List.of(
            new Member("pekko://herder@127.0.0.1:2551", List.of("control-plane"), "Up", true),
            new Member("127.0.0.1:2552", List.of("control-plane"), "Up", false),
            new Member("127.0.0.1:2561", List.of("agent"), "Joining", true)), "127.0.0.1:2551");

    @Test
    void tableMarksTheLeaderAndNamesIt() {
        assertEquals("""
                ADDRESS                   ROLES           STATUS    REACHABLE
                127.0.0.1:2551 (leader)   control-plane   Up        yes
                127.0.0.1:2552            control-plane   Up        no
                127.0.0.1:2561            agent           Joining   yes

                Leader (Master singleton): 127.0.0.1:2551
                """, ClusterStatusOutput.table(CLUSTER));
    }

    @Test
    void jsonHasLeaderAndMembers() {
        assertEquals("{\"leader\":\"127.0.0.1:2551\",\"members\":["
                + "{\"address\":\"127.0.0.1:2551\",\"roles\":[\"control-plane\"],\"status\":\"Up\",\"reachable\":true},"
                + "{\"address\":\"127.0.0.1:2552\",\"roles\":[\"control-plane\"],\"status\":\"Up\",\"reachable\":false},"
                + "{\"address\":\"127.0.0.1:2561\",\"roles\":[\"agent\"],\"status\":\"Joining\",\"reachable\":true}]}"
                + System.lineSeparator(), ClusterStatusOutput.json(CLUSTER));
    }

    @Test
    void noLeaderYetReadsNone() {
        assertEquals("{\"leader\":null,\"members\":[]}" + System.lineSeparator(),
                ClusterStatusOutput.json(new Cluster(List.of(), null)));
    }
}
