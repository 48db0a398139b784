package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.sequence.CounterKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IssuanceRegister} promises: a record holds what its take wrote and who wrote it, a counter's
 * records come back in value order from the one holding (or last starting before) the value asked for, counters never
 * mix, and a prefix's counters are its own. The in-memory fake and the cluster's register both extend it.
 */
public abstract class IssuanceRegisterContract {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    /** Registers over one register, each standing for a node. */
    protected abstract List<IssuanceRegister> registers();

    /** Runs {@code work} on node {@code node} the way a GAPLESS take runs a claim's record: inside its transaction. */
    protected abstract void inTransaction(int node, Runnable work);

    private static String prefix() {
        return "REG" + PREFIXES.incrementAndGet();
    }

    private void record(int node, CounterKey counter, long first, long step, int count, String subject, String key) {
        List<String> numbers = IntStream.range(0, count)
                .mapToObj(i -> counter.prefixKey() + "-" + (first + i * step))
                .toList();
        IssuanceRegister register = registers().get(node);
        inTransaction(node, () -> register.record(counter, first, step, numbers, subject, key));
    }

    @Test
    void aRecordHoldsWhatItsTakeWroteAndWhoWroteItReadOnAnyNode() {
        CounterKey counter = new CounterKey(prefix(), "");
        Instant before = Instant.now().minusSeconds(1);
        record(0, counter, 1, 1, 3, "alice", "key-1");
        record(0, counter, 4, 1, 1, "bob", null);

        List<RegisterRecord> records = registers().get(1).records(counter, 0, 10);

        assertThat(records).hasSize(2);
        RegisterRecord first = records.get(0);
        assertThat(first.counter()).isEqualTo(counter);
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(3);
        assertThat(first.numbers())
                .containsExactly(counter.prefixKey() + "-1", counter.prefixKey() + "-2", counter.prefixKey() + "-3");
        assertThat(first.subject()).isEqualTo("alice");
        assertThat(first.idempotencyKey()).isEqualTo("key-1");
        assertThat(first.node()).isNotBlank();
        assertThat(first.committedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(records.get(1).subject()).isEqualTo("bob");
        assertThat(records.get(1).idempotencyKey()).isNull();
    }

    @Test
    void recordsComeBackInValueOrderFromTheLastOneStartingAtOrBeforeTheValueAskedFor() {
        CounterKey counter = new CounterKey(prefix(), "");
        // Values 10, 15 | 20 | 25, 30, 35 | 40 (step 5), then a gap, then 100.
        record(0, counter, 10, 5, 2, "a", null);
        record(1, counter, 20, 5, 1, "a", null);
        record(0, counter, 25, 5, 3, "a", null);
        record(1, counter, 40, 5, 1, "a", null);
        record(0, counter, 100, 5, 1, "a", null);
        IssuanceRegister register = registers().get(0);

        assertThat(firsts(register.records(counter, 0, 10))).containsExactly(10L, 20L, 25L, 40L, 100L);
        assertThat(firsts(register.records(counter, 10, 10))).containsExactly(10L, 20L, 25L, 40L, 100L);
        assertThat(firsts(register.records(counter, 19, 10))).containsExactly(10L, 20L, 25L, 40L, 100L);
        assertThat(firsts(register.records(counter, 20, 10))).containsExactly(20L, 25L, 40L, 100L);
        assertThat(firsts(register.records(counter, 33, 2))).containsExactly(25L, 40L);
        assertThat(firsts(register.records(counter, 99, 10))).containsExactly(40L, 100L);
        assertThat(firsts(register.records(counter, 5_000, 10))).containsExactly(100L);
        assertThat(register.records(new CounterKey(counter.prefixKey(), "other"), 0, 10))
                .isEmpty();
    }

    @Test
    void manyRecordsAreFoundByValueWherever() {
        CounterKey counter = new CounterKey(prefix(), "");
        List<Long> firsts = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < 300; i++) {
            int count = 1 + i % 4;
            firsts.add(next);
            record(i % 2, counter, next, 1, count, "a", null);
            next += count;
        }
        IssuanceRegister register = registers().get(1);
        for (int probe = 0; probe < 300; probe += 7) {
            long inside = firsts.get(probe) + probe % (1 + probe % 4); // a value within the probed record
            assertThat(register.records(counter, inside, 1).get(0).first()).isEqualTo(firsts.get(probe));
        }
        assertThat(register.records(counter, 0, 1_000)).hasSize(300);
    }

    @Test
    void aPrefixsCountersAreItsOwnAndTheirRecordsNeverMix() {
        String prefix = prefix();
        CounterKey plain = new CounterKey(prefix, "");
        CounterKey yearly = new CounterKey(prefix, "2026");
        CounterKey longerPrefix = new CounterKey(prefix + "X", "");
        record(0, yearly, 1, 1, 2, "a", null);
        record(1, plain, 1, 1, 1, "b", null);
        record(0, longerPrefix, 1, 1, 1, "c", null);

        assertThat(registers().get(1).counters(prefix)).containsExactly(plain, yearly);
        assertThat(registers().get(0).records(yearly, 0, 10))
                .singleElement()
                .satisfies(record -> assertThat(record.subject()).isEqualTo("a"));
        assertThat(registers().get(0).records(plain, 0, 10))
                .singleElement()
                .satisfies(record -> assertThat(record.subject()).isEqualTo("b"));
        assertThat(registers().get(0).counters(prefix() + "-NONE")).isEmpty();
    }

    @Test
    void aRecordOfAThousandNumbersKeepsThemAll() {
        CounterKey counter = new CounterKey(prefix(), "");
        record(0, counter, 1, 1, 1_000, "a", "k");

        RegisterRecord record = registers().get(1).records(counter, 500, 1).get(0);

        assertThat(record.numbers()).hasSize(1_000);
        assertThat(record.last()).isEqualTo(1_000);
        assertThat(record.numbers().get(999)).isEqualTo(counter.prefixKey() + "-1000");
    }

    private static List<Long> firsts(List<RegisterRecord> records) {
        return records.stream().map(RegisterRecord::first).toList();
    }
}
