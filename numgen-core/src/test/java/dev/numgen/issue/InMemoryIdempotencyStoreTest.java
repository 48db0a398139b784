package dev.numgen.issue;

import java.time.Clock;
import java.util.List;

/** The fake passes the Idempotency-Key store contract; two "nodes" share it. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected List<IdempotencyStore> emptyStores(IdempotencyLimits limits, Clock clock) {
        InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(limits, clock);
        return List.of(store, store);
    }
}
