package dev.herder.controlplane.objects;

import dev.herder.controlplane.store.Result;
import dev.herder.controlplane.store.StoreException;
import java.time.Duration;

/**
 * The moment after which a request makes no more writes guarded on reads of its own (see
 * {@link dev.herder.protocol.wire.ApiRequest.Within}): past it, its client has sent the request again elsewhere,
 * and a fresh read could see, and a write guarded on it overwrite, what that retry and the client's later writes
 * stored. {@link #NONE} for requests from clients that do not retry them.
 */
public record WriteBy(long nanos, long budgetMillis) {
    public static final WriteBy NONE = new WriteBy(Long.MAX_VALUE, 0);

    /** Half of the client's budget from now: the other half is the request's way here. */
    public static WriteBy halfOf(Duration budget) {
        return new WriteBy(System.nanoTime() + budget.toNanos() / 2, budget.toMillis());
    }

    public boolean passed() {
        return nanos != Long.MAX_VALUE && System.nanoTime() - nanos > 0;
    }

    /** The result of a write not made because this has passed, saying why. */
    public Result.Failed notMade() {
        return new Result.Failed(new StoreException("its client's " + budgetMillis + " ms for the request ran out"
                + " first, and the client will have sent it again to another node", false, null));
    }
}
