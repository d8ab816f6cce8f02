package dev.herder.cli.describe;

import dev.herder.protocol.api.PodTemplateSpec;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.ReplicationControllerSpec;
import dev.herder.protocol.api.ReplicationControllerStatus;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.printing.ReplicationControllerTable;
import java.util.List;

/** {@code herder describe rc NAME}. */
public final class ReplicationControllerDescriber extends KindDescriber<ReplicationController> {

    public ReplicationControllerDescriber() {
        super(ReplicationController.class);
    }

    @Override
    protected void describe(ReplicationController rc, DescribeText text) {
        ReplicationControllerSpec spec = rc.spec();
        ReplicationControllerStatus status = rc.status();
        text.field(0, "Name", rc.metadata().name());
        text.field(0, "Namespace", rc.metadata().namespace());
        text.field(0, "Selector", Cells.labels(spec == null ? null : spec.selector()));
        text.map(0, "Labels", rc.metadata().labels());
        text.map(0, "Annotations", rc.metadata().annotations());
        int current = status == null ? 0 : Cells.orZero(status.replicas());
        text.field(0, "Replicas", current + " current / " + ReplicationControllerTable.desired(spec) + " desired");
        int ready = status == null ? 0 : Cells.orZero(status.readyReplicas());
        int available = status == null ? 0 : Cells.orZero(status.availableReplicas());
        text.field(0, "Pods Status", ready + " Ready / " + available + " Available");
        template(spec == null ? null : spec.template(), text);
    }

    private static void template(PodTemplateSpec template, DescribeText text) {
        text.heading(0, "Pod Template");
        if (template == null) {
            text.field(1, "Containers", Cells.NONE);
            return;
        }
        text.map(1, "Labels", template.metadata() == null ? null : template.metadata().labels());
        ContainerSection.write(1, template.spec() == null ? null : template.spec().containers(), List.of(), text);
    }
}
