package dev.numgen.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.PrefixRule;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CombiningCounterTest {

    private static final CounterKey KEY = new CounterKey("K", "");

    /** A counter "transaction" over 1..max that records how many values each call took. */
    private static final class Ledger {
        final long max;
        long last;
        final ConcurrentLinkedQueue<Integer> transactions = new ConcurrentLinkedQueue<>();
        /** Counted down when a transaction has started; it then waits for the gate. */
        final CountDownLatch started = new CountDownLatch(1);

        volatile CountDownLatch gate = new CountDownLatch(0);

        Ledger(long max) {
            this.max = max;
        }

        synchronized long[] take(int count) {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (last + count > max) {
                throw new CounterExhaustedException(KEY, max);
            }
            long[] values = LongStream.rangeClosed(last + 1, last + count).toArray();
            last += count;
            transactions.add(count);
            return values;
        }
    }

    /** Serves the claims with the values of one "transaction" that takes their total. */
    private static void serve(List<GaplessClaim> claims, IntFunction<long[]> transaction) {
        GaplessTake.serve(KEY, null, null, claims, (key, rule, last, count) -> transaction.apply(count));
    }

    @Test
    void concurrentRequestsShareTransactionsAndGetConsecutiveValuesWithoutGaps() throws Exception {
        Ledger ledger = new Ledger(Long.MAX_VALUE);
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, ledger::take));
        ConcurrentLinkedQueue<Long> issued = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        long[] values = counter.next(1 + i % 3);
                        for (int v = 1; v < values.length; v++) {
                            assertThat(values[v]).isEqualTo(values[v - 1] + 1);
                        }
                        for (long value : values) {
                            issued.add(value);
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = issued.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(sorted)
                .containsExactly(LongStream.rangeClosed(1, sorted.length).toArray());
        assertThat(ledger.last).isEqualTo(sorted.length); // nothing taken was left unhanded
    }

    @Test
    void requestsThatArriveDuringATransactionAreServedTogetherByTheNextOneInArrivalOrder() throws Exception {
        Ledger ledger = new Ledger(Long.MAX_VALUE);
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, ledger::take));
        ledger.gate = new CountDownLatch(1);
        ConcurrentLinkedQueue<long[]> served = new ConcurrentLinkedQueue<>();
        Thread leader = new Thread(() -> served.add(counter.next(1)));
        leader.start();
        Await.until("the leader's transaction to start", () -> ledger.started.getCount() == 0);

        List<Thread> waiting = new ArrayList<>();
        int[] counts = {2, 1, 3, 1, 2, 3};
        for (int count : counts) {
            Thread request = new Thread(() -> served.add(counter.next(count)));
            request.start();
            awaitParked(request); // queued behind the running transaction, in this order
            waiting.add(request);
        }
        ledger.gate.countDown();
        leader.join(10_000);
        for (Thread request : waiting) {
            request.join(10_000);
        }

        int total = IntStream.of(counts).sum();
        assertThat(ledger.transactions).containsExactly(1, total);
        List<long[]> shares = new ArrayList<>(served);
        shares.sort(Comparator.comparingLong(share -> share[0]));
        assertThat(shares).extracting(share -> share.length).containsExactly(1, 2, 1, 3, 1, 2, 3);
        long next = 1;
        for (long[] share : shares) {
            assertThat(share)
                    .containsExactly(LongStream.range(next, next + share.length).toArray());
            next += share.length;
        }
    }

    @Test
    void aGroupTakesNoMoreThanMaxGroupValuesInOneTransactionAndTheRestGoInTheNext() throws Exception {
        Ledger ledger = new Ledger(Long.MAX_VALUE);
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, ledger::take));
        ledger.gate = new CountDownLatch(1);
        FutureTask<long[]> leader = new FutureTask<>(() -> counter.next(1));
        new Thread(leader).start();
        Await.until("the leader's transaction to start", () -> ledger.started.getCount() == 0);
        int share = CombiningCounter.MAX_GROUP_VALUES / 2 + 1;

        List<FutureTask<long[]>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(queued(() -> counter.next(share), "request " + i));
        }
        FutureTask<long[]> small = queued(() -> counter.next(3), "small");
        ledger.gate.countDown();

        Await.result("the leader", leader);
        for (FutureTask<long[]> request : waiting) {
            assertThat(Await.result("a large request", request)).hasSize(share);
        }
        assertThat(Await.result("the small request", small)).hasSize(3);
        // Two large shares would pass the cap: each large request has a transaction of its own, and the small one
        // rides with the first large one that leaves it room.
        assertThat(ledger.transactions).containsExactly(1, share + 3, share, share);
    }

    @Test
    void anErrorInATransactionFailsItsGroupAndTheNextRequestIsServed() {
        AtomicInteger calls = new AtomicInteger();
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, count -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("while rendering (test)");
            }
            return new long[] {7};
        }));

        assertThatThrownBy(counter::next).isInstanceOf(OutOfMemoryError.class);
        assertThat(counter.next()).isEqualTo(7);
    }

    /** Waits until the thread waits for its turn (parked); it is queued then. */
    private static void awaitParked(Thread thread) {
        Await.until(thread.getName() + " to queue (park)", thread::getState, state -> state == Thread.State.WAITING);
    }

    /** Runs {@code request} on a thread of its own and returns once it is queued. */
    private static FutureTask<long[]> queued(Callable<long[]> request, String name) {
        FutureTask<long[]> task = new FutureTask<>(request);
        Thread thread = new Thread(task, name);
        thread.start();
        awaitParked(thread);
        return task;
    }

    @Test
    void aGroupThatWouldPassMaxValueServesThoseThatStillFit() {
        Ledger ledger = new Ledger(3);
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, ledger::take));
        ledger.gate = new CountDownLatch(1);
        FutureTask<long[]> first = queued(() -> counter.next(1), "first"); // leads and waits at the gate
        Await.until("the first transaction to start", () -> ledger.started.getCount() == 0);
        FutureTask<long[]> two = queued(() -> counter.next(2), "two");
        FutureTask<long[]> tooMany = queued(() -> counter.next(5), "too-many");
        ledger.gate.countDown();
        assertThat(Await.result("the first request", first)).containsExactly(1);
        assertThat(Await.result("the request for two", two)).containsExactly(2, 3);
        assertThatThrownBy(() -> Await.result("the request for five", tooMany))
                .isInstanceOf(CounterExhaustedException.class);
    }

    /**
     * A claim that takes values unless one with its lock key took some before (a replayed Idempotency-Key): what it
     * took is kept in {@code answered}, as a store keeps a key's result, once its transaction "commits".
     */
    private static final class KeyedClaim implements GaplessClaim {
        private final String lockKey;
        private final Map<String, long[]> answered;
        long[] values;

        KeyedClaim(String lockKey, Map<String, long[]> answered) {
            this.lockKey = lockKey;
            this.answered = answered;
        }

        @Override
        public int count() {
            return 2;
        }

        @Override
        public String lockKey() {
            return lockKey;
        }

        @Override
        public boolean prepare() {
            values = answered.get(lockKey);
            return values == null;
        }

        @Override
        public void record(CounterKey key, PrefixRule rule, long[] values) {
            this.values = values;
        }
    }

    @Test
    void claimsWithOneLockKeyAreNeverServedInOneTransaction() {
        Ledger ledger = new Ledger(Long.MAX_VALUE);
        Map<String, long[]> answered = new ConcurrentHashMap<>();
        CombiningCounter counter = new CombiningCounter(claims -> {
            serve(claims, ledger::take);
            // The transaction commits: the keys' results become visible to the next one.
            claims.stream()
                    .map(claim -> (KeyedClaim) claim)
                    .forEach(claim -> answered.putIfAbsent(claim.lockKey, claim.values));
        });
        ledger.gate = new CountDownLatch(1);
        KeyedClaim leader = new KeyedClaim("leader", answered);
        KeyedClaim first = new KeyedClaim("k", answered);
        KeyedClaim other = new KeyedClaim("other", answered);
        KeyedClaim second = new KeyedClaim("k", answered);
        FutureTask<long[]> leading = queued(() -> take(counter, leader), "leader");
        Await.until("the leader's transaction to start", () -> ledger.started.getCount() == 0);
        FutureTask<long[]> firstTake = queued(() -> take(counter, first), "first");
        FutureTask<long[]> otherTake = queued(() -> take(counter, other), "other");
        FutureTask<long[]> secondTake = queued(() -> take(counter, second), "second");
        ledger.gate.countDown();

        assertThat(Await.result("the leader", leading)).containsExactly(1, 2);
        assertThat(Await.result("the first claim of k", firstTake)).containsExactly(3, 4);
        assertThat(Await.result("the other claim", otherTake)).containsExactly(5, 6);
        // Served by the transaction after the first one's: it sees k answered and takes nothing.
        assertThat(Await.result("the second claim of k", secondTake)).containsExactly(3, 4);
        assertThat(ledger.transactions).containsExactly(2, 4);
        assertThat(ledger.last).isEqualTo(6);
    }

    private static long[] take(CombiningCounter counter, KeyedClaim claim) {
        counter.take(claim);
        return claim.values;
    }

    @Test
    void aFailedTransactionFailsItsRequestsAndTheNextOneStartsClean() {
        AtomicInteger calls = new AtomicInteger();
        CombiningCounter counter = new CombiningCounter(claims -> serve(claims, count -> {
            if (calls.incrementAndGet() == 1) {
                throw new SequenceUnavailableException(KEY, "store down", null);
            }
            return new long[] {42};
        }));
        assertThatThrownBy(counter::next).isInstanceOf(SequenceUnavailableException.class);
        assertThat(counter.next()).isEqualTo(42);
    }
}
