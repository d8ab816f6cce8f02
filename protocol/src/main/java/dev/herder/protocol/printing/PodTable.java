package dev.herder.protocol.printing;

import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import java.time.Instant;
import java.util.List;

/** {@code herder get pods}: NAME READY STATUS RESTARTS AGE (+ IP NODE). */
public final class PodTable extends KindTable<Pod> {

    public PodTable() {
        super(Pod.class);
    }

    @Override
    public List<String> headers(boolean wide) {
        return widen(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"), wide, List.of("IP", "NODE"));
    }

    @Override
    protected List<String> row(Pod pod, Instant now, boolean wide) {
        PodStatus status = pod.status();
        PodSpec spec = pod.spec();
        return widen(List.of(
                pod.metadata().name(),
                PodSummary.readyContainers(pod) + "/" + PodSummary.containerCount(pod),
                PodSummary.status(pod),
                String.valueOf(PodSummary.restarts(pod)),
                Age.since(pod.metadata().creationTimestamp(), now)), wide, List.of(
                Cells.orNone(status == null ? null : status.podIP()),
                Cells.orNone(spec == null ? null : spec.nodeName())));
    }
}
