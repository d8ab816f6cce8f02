package dev.herder.cli.describe;

import dev.herder.protocol.api.EndpointAddress;
import dev.herder.protocol.api.EndpointSubset;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.printing.Cells;
import java.util.List;

/** {@code herder describe endpoints}: each subset's ready and not ready addresses (with their pods) and ports. */
final class EndpointsDescriber extends KindDescriber<Endpoints> {
    EndpointsDescriber() {
        super(Endpoints.class);
    }

    @Override
    protected void describe(Endpoints e, DescribeText text) {
        identity(e.metadata(), true, text);
        if (e.subsets() == null || e.subsets().isEmpty()) {
            text.field(0, "Subsets", Cells.NONE);
            return;
        }
        text.heading(0, "Subsets");
        for (EndpointSubset s : e.subsets()) {
            text.list(1, "Addresses", addresses(s.addresses()));
            text.list(1, "NotReadyAddresses", addresses(s.notReadyAddresses()));
            text.heading(1, "Ports");
            text.block(2, "Name  Port  Protocol");
            text.block(2, "----  ----  --------");
            Cells.orEmpty(s.ports()).forEach(p -> text.block(2, Cells.orNone(p.name()) + "  " + p.port() + "  "
                    + p.protocol()));
        }
    }

    private static List<String> addresses(List<EndpointAddress> addresses) {
        return Cells.orEmpty(addresses).stream().map(a -> a.ip() + " (" + (a.targetRef() == null ? "?"
                : a.targetRef().name()) + " on " + a.nodeName() + ")").toList();
    }
}
