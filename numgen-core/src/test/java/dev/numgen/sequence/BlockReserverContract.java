package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.TestRules;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlockReserver} promises: each block follows the last one reserved on any node, holds what the
 * rule (as registered now) and {@link BlockPlanner} allow, stops at maxValue, and raises the prefix's highest
 * reserved value ({@link IssuedValues}) with it; concurrent reservations never overlap. The in-memory fake and the
 * cluster's reserver both extend it.
 */
public abstract class BlockReserverContract {

    private static final AtomicInteger RULES = new AtomicInteger();

    /** Reservers over one store, each standing for a node. */
    protected abstract List<BlockReserver> reservers();

    /** What the same store says about the values it has reserved. */
    protected abstract IssuedValues issuedValues();

    /** Registers (or changes) the rule where the reservers read it. */
    protected abstract void register(PrefixRule rule);

    private PrefixRule registered(long start, long step, long maxValue, int reserveSize) {
        PrefixRule rule = TestRules.segment("BLOCKS" + RULES.incrementAndGet(), start, step, maxValue, reserveSize);
        register(rule);
        return rule;
    }

    private static CounterKey keyOf(PrefixRule rule, String qualifier) {
        return new CounterKey(rule.key().value(), qualifier);
    }

    @Test
    void theFirstBlockStartsAtStartAndHoldsReserveSizeValues() {
        PrefixRule rule = registered(10, 2, 1_000_000, 5);
        assertThat(reservers().get(0).reserve(keyOf(rule, ""), 1)).isEqualTo(new Block(10, 18, 2));
    }

    @Test
    void eachBlockFollowsTheLastOneReservedOnAnyNode() {
        PrefixRule rule = registered(1, 1, 1_000_000, 100);
        List<BlockReserver> reservers = reservers();
        assertThat(reservers.get(0).reserve(keyOf(rule, ""), 1)).isEqualTo(new Block(1, 100, 1));
        assertThat(reservers.get(1).reserve(keyOf(rule, ""), 1)).isEqualTo(new Block(101, 200, 1));
        assertThat(reservers.get(0).reserve(keyOf(rule, ""), 4)).isEqualTo(new Block(201, 600, 1));
    }

    @Test
    void nearMaxValueBlocksShrinkAndThenTheCounterIsExhausted() {
        PrefixRule rule = registered(1, 1, 25, 10);
        BlockReserver reserver = reservers().get(0);
        CounterKey key = keyOf(rule, "");
        assertThat(reserver.reserve(key, 1)).isEqualTo(new Block(1, 10, 1));
        assertThat(reserver.reserve(key, 8)).isEqualTo(new Block(11, 20, 1)); // a hundredth of 15 is below reserveSize
        assertThat(reserver.reserve(key, 8)).isEqualTo(new Block(21, 25, 1));
        for (BlockReserver any : reservers()) {
            assertThatThrownBy(() -> any.reserve(key, 1))
                    .isInstanceOfSatisfying(
                            CounterExhaustedException.class,
                            e -> assertThat(e.key()).isEqualTo(key));
        }
    }

    @Test
    void countersOfOnePrefixAreApartAndItsHighestValueIsTheirMaximum() {
        PrefixRule rule = registered(1, 1, 1_000_000, 10);
        BlockReserver reserver = reservers().get(0);
        assertThat(issuedValues().highest(rule.key())).isEmpty();

        assertThat(reserver.reserve(keyOf(rule, "2026"), 3)).isEqualTo(new Block(1, 30, 1));
        assertThat(reserver.reserve(keyOf(rule, "2027"), 1)).isEqualTo(new Block(1, 10, 1));
        assertThat(issuedValues().highest(rule.key())).hasValue(30);
        reserver.reserve(keyOf(rule, "2027"), 1);
        assertThat(issuedValues().highest(rule.key())).hasValue(30);
        reserver.reserve(keyOf(rule, "2027"), 3);
        assertThat(issuedValues().highest(rule.key())).hasValue(50);
    }

    @Test
    void aRuleChangeAppliesToTheNextBlock() {
        PrefixRule rule = registered(1, 1, 1_000, 10);
        BlockReserver reserver = reservers().get(0);
        reserver.reserve(keyOf(rule, ""), 1);
        register(TestRules.segment(rule.key().value(), 1, 1, 2_000, 50));
        assertThat(reservers().get(1).reserve(keyOf(rule, ""), 1)).isEqualTo(new Block(11, 60, 1));
    }

    @Test
    void aCounterOfAnUnregisteredPrefixIsRefused() {
        CounterKey key = new CounterKey("NEVER" + RULES.incrementAndGet(), "");
        assertThatThrownBy(() -> reservers().get(0).reserve(key, 1))
                .isInstanceOfSatisfying(
                        UnknownPrefixException.class,
                        e -> assertThat(e.prefixKey()).isEqualTo(key.prefixKey()));
        assertThat(issuedValues().highest(new PrefixKey(key.prefixKey()))).isEmpty();
    }

    @Test
    void concurrentReservationsOnTwoNodesNeverOverlapAndLeaveNoGap() throws Exception {
        PrefixRule rule = registered(1, 1, Long.MAX_VALUE, 7);
        List<BlockReserver> reservers = reservers();
        ConcurrentLinkedQueue<Block> blocks = new ConcurrentLinkedQueue<>();
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                BlockReserver reserver = reservers.get(t % reservers.size());
                int growth = 1 + t % 3;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        blocks.add(reserver.reserve(keyOf(rule, ""), growth));
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingLong(Block::first));
        assertThat(sorted).hasSize(threads * perThread);
        long next = 1;
        for (Block block : sorted) {
            assertThat(block.first()).isEqualTo(next);
            next = block.last() + 1;
        }
        assertThat(issuedValues().highest(rule.key())).hasValue(next - 1);
    }
}
