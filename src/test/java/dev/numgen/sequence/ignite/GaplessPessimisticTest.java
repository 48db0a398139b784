package dev.numgen.sequence.ignite;

import dev.numgen.rule.Concurrency;

/** GAPLESS with a pessimistic counter update, on two embedded nodes. */
class GaplessPessimisticTest extends GaplessCounterContract {

    @Override
    protected Concurrency concurrency() {
        return Concurrency.PESSIMISTIC;
    }
}
