package dev.herder.cli.describe;

import dev.herder.cli.printing.Table;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.Volume;
import dev.herder.protocol.printing.Cells;
import dev.herder.protocol.printing.PodSummary;
import java.util.List;

/** {@code herder describe pod NAME}. */
public final class PodDescriber extends KindDescriber<Pod> {

    public PodDescriber() {
        super(Pod.class);
    }

    @Override
    protected void describe(Pod pod, DescribeText text) {
        PodSpec spec = pod.spec();
        PodStatus status = pod.status();
        text.field(0, "Name", pod.metadata().name());
        text.field(0, "Namespace", pod.metadata().namespace());
        text.field(0, "Node", node(spec, status));
        text.field(0, "Start Time", status == null ? null : status.startTime());
        text.map(0, "Labels", pod.metadata().labels());
        text.map(0, "Annotations", pod.metadata().annotations());
        text.field(0, "Status", status == null || status.phase() == null ? PodSummary.PENDING : status.phase());
        if (pod.metadata().deletionTimestamp() != null) {
            text.field(0, "Terminating since", pod.metadata().deletionTimestamp());
        }
        if (status != null && status.reason() != null) {
            text.field(0, "Reason", status.reason());
        }
        if (status != null && status.message() != null) {
            text.field(0, "Message", status.message());
        }
        text.field(0, "IP", status == null ? null : status.podIP());
        text.field(0, "Controlled By", controller(pod.metadata().ownerReferences()));
        ContainerSection.write(0, spec == null ? null : spec.containers(),
                status == null ? List.of() : Cells.orEmpty(status.containerStatuses()), text);
        conditions(status, text);
        volumes(spec, text);
        text.map(0, "Node-Selectors", spec == null ? null : spec.nodeSelector());
    }

    private static String node(PodSpec spec, PodStatus status) {
        String name = spec == null ? null : spec.nodeName();
        if (name == null) {
            return null;
        }
        String hostIp = status == null ? null : status.hostIP();
        return hostIp == null ? name : name + "/" + hostIp;
    }

    static String controller(List<OwnerReference> owners) {
        return Cells.orEmpty(owners).stream()
                .filter(o -> Boolean.TRUE.equals(o.controller()))
                .map(o -> o.kind() + "/" + o.name())
                .findFirst().orElse(null);
    }

    private static void conditions(PodStatus status, DescribeText text) {
        List<PodCondition> conditions = status == null ? List.of() : Cells.orEmpty(status.conditions());
        if (conditions.isEmpty()) {
            text.field(0, "Conditions", Cells.NONE);
            return;
        }
        Table table = new Table(List.of("Type", "Status"));
        conditions.forEach(c -> table.add(List.of(Cells.orNone(c.type()), Cells.orNone(c.status()))));
        text.heading(0, "Conditions").block(1, table.render());
    }

    private static void volumes(PodSpec spec, DescribeText text) {
        List<Volume> volumes = spec == null ? List.of() : Cells.orEmpty(spec.volumes());
        if (volumes.isEmpty()) {
            text.field(0, "Volumes", Cells.NONE);
            return;
        }
        text.heading(0, "Volumes");
        for (Volume volume : volumes) {
            text.heading(1, volume.name());
            if (volume.hostPath() != null) {
                text.field(2, "Type", "HostPath (bare host directory volume)");
                text.field(2, "Path", volume.hostPath().path());
            } else if (volume.emptyDir() != null) {
                text.field(2, "Type", "EmptyDir (a temporary directory that shares a pod's lifetime)");
                text.field(2, "Medium", volume.emptyDir().medium());
                text.field(2, "SizeLimit", volume.emptyDir().sizeLimit());
            }
        }
    }
}
