package dev.numgen.ignite.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.issue.ForwardingIdempotencyStore;
import dev.numgen.issue.IdempotencyStore;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.IssuanceRegister;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.KeyLookup;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.issue.RegisterRecord;
import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.testing.Await;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GAPLESS accounting with real Ignite transactions on two nodes: the numbers, their register record and the
 * Idempotency-Key result commit together or not at all, a retry on the other node after the first died past its
 * commit gets what committed, and two requests with one key at once get one set of numbers.
 */
class GaplessTransactionTest {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    /** What a node that dies after committing leaves its caller with: no answer. */
    private static final class NodeDied extends RuntimeException {
        NodeDied() {
            super("the node died after the commit (test)");
        }
    }

    /** A failure of a write inside the transaction, after it was made. */
    private static final class WriteFailed extends RuntimeException {
        WriteFailed() {
            super("the write failed (test)");
        }
    }

    /** One node's issuers, each part replaceable. Keys are named after the test's own rule: the tests share a cluster. */
    private record Node(NumberIssuer numbers, IdempotentIssuer keyed, IssuanceRegister register) {

        static Node on(
                TestNode node,
                UnaryOperator<GaplessStore> counters,
                UnaryOperator<IssuanceRegister> register,
                UnaryOperator<IdempotencyStore> keys) {
            IgniteRuleRegistry rules = new IgniteRuleRegistry(node.store());
            IssuanceRegister records = register.apply(new IgniteIssuanceRegister(node.store(), Clock.systemUTC()));
            NumberIssuer numbers = new NumberIssuer(
                    rules,
                    Map.of(
                            Strategy.GAPLESS,
                            new GaplessCounter(counters.apply(new IgniteGaplessStore(node.store(), rules)))),
                    records,
                    Clock.systemUTC(),
                    () -> true,
                    new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"));
            return new Node(
                    numbers,
                    new IdempotentIssuer(numbers, keys.apply(new IgniteIdempotencyStore(node.store()))),
                    records);
        }

        static Node plain(TestNode node) {
            return on(node, UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
        }
    }

    private static String gaplessRule() {
        String prefix = "GTX" + PREFIXES.incrementAndGet();
        TestNode node = cluster.first();
        new RuleRegistrar(
                        new IgniteRuleRegistry(node.store()),
                        new IgniteIssuedValues(node.store()),
                        new RuleValidator(),
                        Clock.systemUTC())
                .register(
                        new PrefixKey(prefix),
                        RuleDefinitions.rule("G-{seq}").strategy("GAPLESS").build(),
                        OptionalLong.empty(),
                        "test");
        return prefix;
    }

    private static List<RegisterRecord> records(Node node, String prefix) {
        return node.register().records(new CounterKey(prefix, ""), 0, 100);
    }

    @Test
    void aWriteThatFailsAfterTheRecordsWereMadeRollsBackTheNumbersTheRecordAndTheKeysResult() {
        String prefix = gaplessRule();
        Node failing = Node.on(
                cluster.first(),
                UnaryOperator.identity(),
                register -> new IssuanceRegister() {
                    @Override
                    public void record(
                            CounterKey counter,
                            long first,
                            long step,
                            List<String> numbers,
                            String subject,
                            String idempotencyKey) {
                        register.record(counter, first, step, numbers, subject, idempotencyKey);
                        throw new WriteFailed();
                    }

                    @Override
                    public List<RegisterRecord> records(CounterKey counter, long from, int limit) {
                        return register.records(counter, from, limit);
                    }

                    @Override
                    public List<CounterKey> counters(String prefixKey) {
                        return register.counters(prefixKey);
                    }
                },
                UnaryOperator.identity());
        Node other = Node.plain(cluster.second());

        assertThatThrownBy(() -> failing.keyed().issue("alice", prefix + "-k1", prefix, 2, Map.of()))
                .isInstanceOf(WriteFailed.class);

        assertThat(records(other, prefix)).isEmpty();
        assertThat(cluster.second()
                        .store()
                        .cache(IgniteIdempotencyStore.RESULTS)
                        .containsKey(IgniteIdempotencyStore.id("alice", prefix + "-k1")))
                .isFalse();
        IssuedNumbers retried = other.keyed().issue("alice", prefix + "-k1", prefix, 2, Map.of());
        assertThat(retried.numbers()).containsExactly("G-1", "G-2");
        assertThat(records(other, prefix)).singleElement().satisfies(record -> {
            assertThat(record.idempotencyKey()).isEqualTo(prefix + "-k1");
            assertThat(record.numbers()).containsExactly("G-1", "G-2");
        });
    }

    @Test
    void aRetryOnTheOtherNodeAfterTheFirstDiedPastItsCommitGetsTheNumbersThatCommitted() {
        String prefix = gaplessRule();
        Node dying = Node.on(
                cluster.first(),
                store -> (key, claims, next) -> {
                    store.take(key, claims, next);
                    throw new NodeDied();
                },
                UnaryOperator.identity(),
                UnaryOperator.identity());
        Node other = Node.plain(cluster.second());

        assertThatThrownBy(() -> dying.keyed().issue("alice", prefix + "-k1", prefix, 3, Map.of()))
                .isInstanceOf(NodeDied.class);
        IssuedNumbers retried = other.keyed().issue("alice", prefix + "-k1", prefix, 3, Map.of());

        assertThat(retried.numbers()).containsExactly("G-1", "G-2", "G-3");
        List<RegisterRecord> records = records(other, prefix);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.subject()).isEqualTo("alice");
            assertThat(record.idempotencyKey()).isEqualTo(prefix + "-k1");
            assertThat(record.node()).isEqualTo(cluster.first().store().nodeName());
        });
        assertThat(other.numbers().issue("bob", prefix, 1, Map.of()).numbers()).containsExactly("G-4");
    }

    @Test
    void twoRequestsWithOneKeyOnTwoNodesAtOnceGetOneSetOfNumbersAndOneRecord() throws Exception {
        String prefix = gaplessRule();
        // Both requests have looked for an earlier answer, found none and been counted before either takes.
        CyclicBarrier bothCounted = new CyclicBarrier(2);
        UnaryOperator<IdempotencyStore> meeting = keys -> new ForwardingIdempotencyStore(keys) {
            @Override
            public long count(String caller, String key, int numbers) {
                long counted = super.count(caller, key, numbers);
                try {
                    bothCounted.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other request never came", e);
                }
                return counted;
            }
        };
        Node first = Node.on(cluster.first(), UnaryOperator.identity(), UnaryOperator.identity(), meeting);
        Node second = Node.on(cluster.second(), UnaryOperator.identity(), UnaryOperator.identity(), meeting);

        CompletableFuture<IssuedNumbers> one =
                CompletableFuture.supplyAsync(() -> first.keyed().issue("alice", prefix + "-k1", prefix, 2, Map.of()));
        CompletableFuture<IssuedNumbers> two =
                CompletableFuture.supplyAsync(() -> second.keyed().issue("alice", prefix + "-k1", prefix, 2, Map.of()));

        assertThat(Await.result("the second request", two)).isEqualTo(Await.result("the first request", one));
        assertThat(records(first, prefix)).hasSize(1);
        assertThat(first.numbers().issue("bob", prefix, 1, Map.of()).numbers()).containsExactly("G-3");
    }

    @Test
    void oneKeyOnTwoCountersOfAnOptimisticRuleAtOnceGetsOneSetOfNumbers() throws Exception {
        // Across a year's end the same request (one fingerprint) falls on two counters, so the two optimistic
        // transactions share nothing but the key's record, which both read as absent before either commits.
        String prefix = "GTX" + PREFIXES.incrementAndGet();
        new RuleRegistrar(
                        new IgniteRuleRegistry(cluster.first().store()),
                        new IgniteIssuedValues(cluster.first().store()),
                        new RuleValidator(),
                        Clock.systemUTC())
                .register(
                        new PrefixKey(prefix),
                        RuleDefinitions.rule("G-{yyyy}-{seq}")
                                .strategy("GAPLESS")
                                .concurrency("OPTIMISTIC")
                                .reset("YEARLY")
                                .timeZone("UTC")
                                .build(),
                        OptionalLong.empty(),
                        "test");
        CyclicBarrier bothLookedUp = new CyclicBarrier(2);
        UnaryOperator<IdempotencyStore> meeting = keys -> new ForwardingIdempotencyStore(keys) {
            private final AtomicBoolean met = new AtomicBoolean();

            @Override
            public KeyLookup lookUpInTransaction(String caller, String key, String fingerprint) {
                KeyLookup lookup = super.lookUpInTransaction(caller, key, fingerprint);
                if (met.compareAndSet(false, true)) {
                    try {
                        bothLookedUp.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other request never came", e);
                    }
                }
                return lookup;
            }
        };
        Node lastYear = onClock(cluster.first(), "2025-12-31T23:59:59Z", meeting);
        Node newYear = onClock(cluster.second(), "2026-01-01T00:00:01Z", meeting);

        CompletableFuture<IssuedNumbers> one = CompletableFuture.supplyAsync(
                () -> lastYear.keyed().issue("alice", prefix + "-k1", prefix, 1, Map.of()));
        CompletableFuture<IssuedNumbers> two = CompletableFuture.supplyAsync(
                () -> newYear.keyed().issue("alice", prefix + "-k1", prefix, 1, Map.of()));

        assertThat(Await.result("the new year's request", two)).isEqualTo(Await.result("the last year's request", one));
        assertThat(lastYear.register()
                                .records(new CounterKey(prefix, "2025"), 0, 100)
                                .size()
                        + lastYear.register()
                                .records(new CounterKey(prefix, "2026"), 0, 100)
                                .size())
                .isEqualTo(1);
    }

    private static Node onClock(TestNode node, String instant, UnaryOperator<IdempotencyStore> keys) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        IgniteRuleRegistry rules = new IgniteRuleRegistry(node.store());
        IssuanceRegister records = new IgniteIssuanceRegister(node.store(), clock);
        NumberIssuer numbers = new NumberIssuer(
                rules,
                Map.of(Strategy.GAPLESS, new GaplessCounter(new IgniteGaplessStore(node.store(), rules))),
                records,
                clock,
                () -> true,
                new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"));
        return new Node(
                numbers, new IdempotentIssuer(numbers, keys.apply(new IgniteIdempotencyStore(node.store()))), records);
    }
}
