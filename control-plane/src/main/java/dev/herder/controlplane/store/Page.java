package dev.herder.controlplane.store;

import java.util.List;

/** One page of a {@link Store#list}: the keys in key order, the revision it was read at, and whether more follow. */
public record Page(List<Versioned> items, long revision, boolean more) {
}
