package dev.herder.protocol.printing;

import dev.herder.protocol.api.EndpointAddress;
import dev.herder.protocol.api.EndpointPort;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code herder get endpoints}: NAME ENDPOINTS AGE, the ready ip:port pairs as kubectl shortens them. */
public final class EndpointsTable extends KindTable<Endpoints> {
    /** kubectl shows this many pairs, then "+ N more...". */
    public static final int SHOWN = 3;

    public EndpointsTable() {
        super(Endpoints.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return List.of("NAME", "ENDPOINTS", "AGE");
    }

    @Override
    protected List<String> row(Endpoints endpoints, Instant now, boolean wide) {
        return List.of(endpoints.metadata().name(), summary(endpoints.subsets(), wide ? Integer.MAX_VALUE : SHOWN),
                Age.since(endpoints.metadata().creationTimestamp(), now));
    }

    /** Every ready address with each port of its subset, "a:p,b:p + 2 more..."; {@code <none>} when there is none. */
    public static String summary(List<EndpointSubset> subsets, int shown) {
        List<String> pairs = new ArrayList<>();
        for (EndpointSubset s : Cells.orEmpty(subsets)) {
            for (EndpointAddress a : Cells.orEmpty(s.addresses())) {
                for (EndpointPort p : Cells.orEmpty(s.ports())) {
                    pairs.add(a.ip() + ":" + p.port());
                }
            }
        }
        if (pairs.isEmpty()) {
            return Cells.NONE;
        }
        String text = String.join(",", pairs.subList(0, Math.min(shown, pairs.size())));
        return pairs.size() > shown ? text + " + " + (pairs.size() - shown) + " more..." : text;
    }
}
