package dev.numgen.ignite.sequence;

import dev.numgen.rule.Concurrency;

/** GAPLESS with a pessimistic counter update, on two embedded nodes. */
class GaplessPessimisticTest extends GaplessCounterContract {

    @Override
    protected Concurrency concurrency() {
        return Concurrency.PESSIMISTIC;
    }
}
