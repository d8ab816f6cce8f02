package dev.herder.protocol.printing;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import java.time.Instant;
import java.util.List;

/** {@code herder get rc}: NAME DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR). */
public final class ReplicationControllerTable extends KindTable<ReplicationController> {
    /** Kubernetes' default of spec.replicas. */
    public static final int DEFAULT_REPLICAS = 1;

    public ReplicationControllerTable() {
        super(ReplicationController.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return widen(List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"), wide,
                List.of("CONTAINERS", "IMAGES", "SELECTOR"));
    }

    @Override
    protected List<String> row(ReplicationController rc, Instant now, boolean wide) {
        ReplicationControllerSpec spec = rc.spec();
        ReplicationControllerStatus status = rc.status();
        List<Container> containers = templateContainers(spec);
        return widen(List.of(
                rc.metadata().name(),
                String.valueOf(desired(spec)),
                String.valueOf(status == null ? 0 : Cells.orZero(status.replicas())),
                String.valueOf(status == null ? 0 : Cells.orZero(status.readyReplicas())),
                Age.since(rc.metadata().creationTimestamp(), now)), wide, List.of(
                Cells.joined(containers, Container::name),
                Cells.joined(containers, Container::image),
                Cells.labels(spec == null ? null : spec.selector())));
    }

    public static int desired(ReplicationControllerSpec spec) {
        return spec == null || spec.replicas() == null ? DEFAULT_REPLICAS : spec.replicas();
    }

    static List<Container> templateContainers(ReplicationControllerSpec spec) {
        if (spec == null || spec.template() == null || spec.template().spec() == null) {
            return List.of();
        }
        return Cells.orEmpty(spec.template().spec().containers());
    }
}
