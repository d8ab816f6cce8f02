package dev.herder.controlplane.scheduling;

/**
 * Why a node cannot take a pod, in the order the filters run (as kube-scheduler's): a node is
 * counted once, under the first reason it fails.
 */
public enum FitReason {
    NOT_READY("not ready"),
    UNSCHEDULABLE("unschedulable"),
    NODE_SELECTOR_MISMATCH("didn't match node selector"),
    INSUFFICIENT_CPU("insufficient cpu"),
    INSUFFICIENT_MEMORY("insufficient memory"),
    TOO_MANY_PODS("too many pods"),
    HOST_PORT_CONFLICT("node(s) didn't have free ports for the requested pod ports");

    private final String text;

    FitReason(String text) {
        this.text = text;
    }

    /** The words used in {@link Placement.Unschedulable} messages and reason maps. */
    public String text() {
        return text;
    }
}
