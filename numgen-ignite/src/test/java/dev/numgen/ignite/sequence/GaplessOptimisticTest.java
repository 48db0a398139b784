package dev.numgen.ignite.sequence;

import dev.numgen.rule.Concurrency;

/** GAPLESS with a optimistic counter update, on two embedded nodes. */
class GaplessOptimisticTest extends GaplessCounterContract {

    @Override
    protected Concurrency concurrency() {
        return Concurrency.OPTIMISTIC;
    }
}
