package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.Await;
import dev.numgen.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} promises: one request owns a key at a time, a retry on any node gets what the
 * first request received, a key used with other parameters is refused, and no client (nor the set of clients) grows
 * the store past its {@link IdempotencyLimits}, with a truthful time to retry. The in-memory fake and the cluster's
 * store both extend it.
 */
public abstract class IdempotencyStoreContract {

    private static final IssuedNumbers ISSUED = new IssuedNumbers("ORDER", List.of("O-1", "O-2"), IssueMode.NORMAL);

    /** Stores over one store that holds nothing yet, each standing for a node. */
    protected abstract List<IdempotencyStore> emptyStores(IdempotencyLimits limits, Clock clock);

    /**
     * Runs {@code work} on node {@code node} (the index of its store in {@link #emptyStores}) the way a GAPLESS take
     * runs its claims: inside its transaction. A store without transactions runs it as it is.
     */
    protected <T> T inTransaction(int node, Supplier<T> work) {
        return work.get();
    }

    private List<IdempotencyStore> emptyStores() {
        return emptyStores(IdempotencyLimits.DEFAULTS, Clock.systemUTC());
    }

    private IdempotencyStore emptyStore(IdempotencyLimits limits, Clock clock) {
        return emptyStores(limits, clock).get(0);
    }

    @Test
    void insideATransactionAKeyIsFreeAnsweredPendingOrOfOtherParametersAsItsRecordSays() {
        List<IdempotencyStore> stores = emptyStores();
        IdempotencyStore first = stores.get(0);
        IdempotencyStore second = stores.get(1);

        assertThat(inTransaction(1, () -> second.lookUpInTransaction("alice", "k1", "fp")))
                .isEqualTo(KeyLookup.FREE);
        assertThat(first.claim("alice", "k1", "fp", 2)).isEmpty();
        assertThat(inTransaction(1, () -> second.lookUpInTransaction("alice", "k1", "fp")))
                .isEqualTo(KeyLookup.PENDING);
        inTransaction(0, () -> {
            first.complete("alice", "k1", "fp", ISSUED);
            return null;
        });

        assertThat(inTransaction(1, () -> second.lookUpInTransaction("alice", "k1", "fp")))
                .isEqualTo(KeyLookup.answered(ISSUED));
        assertThat(second.answered("alice", "k1", "fp")).contains(ISSUED);
        assertThat(inTransaction(1, () -> second.lookUpInTransaction("alice", "k1", "other")))
                .isEqualTo(KeyLookup.OTHER_PARAMETERS);
        assertThat(inTransaction(0, () -> first.lookUpInTransaction("bob", "k1", "fp")))
                .isEqualTo(KeyLookup.FREE);
    }

    @Test
    void countedKeysAreBoundedLikeClaimsAndAnUncountGivesTheRoomBack() {
        List<IdempotencyStore> stores = emptyStores(new IdempotencyLimits(2, 1_000, 10), Clock.systemUTC());
        IdempotencyStore first = stores.get(0);
        IdempotencyStore second = stores.get(1);

        long counted = first.count("alice", "k1", 3);
        assertThat(second.claim("alice", "k2", "fp", 3)).isEmpty();
        assertThatThrownBy(() -> second.count("alice", "k3", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfter()).isPresent());
        assertThat(second.count("bob", "k3", 1)).isPositive();

        second.uncount("alice", "k1", counted, 3);

        assertThat(first.count("alice", "k3", 1)).isPositive();
        assertThatThrownBy(() -> first.count("alice", "k4", 1)).isInstanceOf(IdempotencyLimitException.class);
    }

    @Test
    void aCountOfNumbersIsBoundedToo() {
        IdempotencyStore store = emptyStore(new IdempotencyLimits(100, 1_000, 10), Clock.systemUTC());

        store.count("alice", "k1", 800);

        assertThatThrownBy(() -> store.count("alice", "k2", 300)).isInstanceOf(IdempotencyLimitException.class);
        assertThat(store.count("alice", "k2", 200)).isPositive();
    }

    @Test
    void aRetryOnAnotherNodeGetsTheSameNumbers() {
        List<IdempotencyStore> stores = emptyStores();
        IdempotencyStore first = stores.get(0);
        IdempotencyStore second = stores.get(1);

        assertThat(first.claim("alice", "k1", "fp", 2)).isEmpty();
        assertThatThrownBy(() -> second.claim("alice", "k1", "fp", 2)).isInstanceOf(IdempotencyKeyBusyException.class);
        first.complete("alice", "k1", "fp", ISSUED);

        assertThat(second.claim("alice", "k1", "fp", 2)).contains(ISSUED);
        assertThatThrownBy(() -> second.claim("alice", "k1", "other", 2))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(second.claim("bob", "k1", "fp", 2)).isEmpty();
    }

    @Test
    void aReleasedKeyCanBeClaimedAgainWithAnyParameters() {
        List<IdempotencyStore> stores = emptyStores();
        assertThat(stores.get(0).claim("alice", "k2", "fp", 2)).isEmpty();
        stores.get(0).release("alice", "k2");
        assertThat(stores.get(1).claim("alice", "k2", "other", 3)).isEmpty();
    }

    @Test
    void answeredTellsOnlyWhatACompletedRequestWithTheSameParametersReceived() {
        List<IdempotencyStore> stores = emptyStores();
        IdempotencyStore store = stores.get(0);
        assertThat(store.answered("alice", "k1", "fp")).isEmpty();
        store.claim("alice", "k1", "fp", 2);
        assertThat(store.answered("alice", "k1", "fp")).isEmpty();
        store.complete("alice", "k1", "fp", ISSUED);
        assertThat(stores.get(1).answered("alice", "k1", "fp")).contains(ISSUED);
        assertThat(stores.get(1).answered("alice", "k1", "other")).isEmpty();
        assertThat(stores.get(1).answered("bob", "k1", "fp")).isEmpty();
    }

    @Test
    void callerAndKeyAreNeverMistakenForAnotherPair() {
        IdempotencyStore store = emptyStores().get(0);
        store.claim("ab", "c", "fp", 1);
        store.complete("ab", "c", "fp", ISSUED);
        assertThat(store.claim("a", "bc", "fp", 1)).isEmpty();
    }

    @Test
    void aClaimOfNoNumbersIsRefused() {
        IdempotencyStore store = emptyStores().get(0);
        assertThatThrownBy(() -> store.claim("alice", "k1", "fp", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.claim("alice", "k1", "fp", 1)).isEmpty();
    }

    @Test
    void ofConcurrentClaimsOfOneKeyOnTwoNodesExactlyOneOwnsIt() throws Exception {
        List<IdempotencyStore> stores = emptyStores();
        int claimants = 8;
        AtomicInteger owners = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                IdempotencyStore store = stores.get(i % stores.size());
                work.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    try {
                        Optional<IssuedNumbers> earlier = store.claim("alice", "k1", "fp", 1);
                        assertThat(earlier).isEmpty();
                        owners.incrementAndGet();
                    } catch (IdempotencyKeyBusyException e) {
                        busy.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                Await.result("a concurrent caller", future);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(owners).hasValue(1);
        assertThat(busy).hasValue(claimants - 1);
    }

    @Test
    void aClientPastItsKeyLimitIsRefusedAndNothingIsStoredForTheKey() {
        IdempotencyStore store = emptyStore(new IdempotencyLimits(3, 100_000, 1000), Clock.systemUTC());
        for (String key : List.of("k1", "k2", "k3")) {
            assertThat(store.claim("carol", key, "fp", 1)).isEmpty();
        }
        IssuedNumbers issued = new IssuedNumbers("ORDER", List.of("O-1"), IssueMode.NORMAL);
        store.complete("carol", "k1", "fp", issued);

        assertThatThrownBy(() -> store.claim("carol", "k4", "fp", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(25 * 3600L, 26 * 3600L));
        // A retry of a key it holds is no new record: still answered.
        assertThat(store.claim("carol", "k1", "fp", 1)).contains(issued);
        assertThat(store.claim("dan", "k4", "fp", 1)).isEmpty();
        // The refused key was left unclaimed: once there is room, any request may claim it.
        store.release("carol", "k2");
        assertThat(store.claim("carol", "k4", "other", 1)).isEmpty();
    }

    @Test
    void aClientPastItsNumberLimitIsRefusedUntilAClaimIsReleased() {
        IdempotencyStore store = emptyStore(new IdempotencyLimits(100, 2000, 1000), Clock.systemUTC());
        assertThat(store.claim("erin", "a", "fp", 1000)).isEmpty();
        assertThat(store.claim("erin", "b", "fp", 1000)).isEmpty();
        assertThatThrownBy(() -> store.claim("erin", "c", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
        store.release("erin", "b");
        assertThat(store.claim("erin", "c", "fp", 1000)).isEmpty();
    }

    /** A claim counts for 25 to 26 hours (the hour it was made in and the 25 after), and Retry-After says when. */
    @Test
    void claimsCountForAtMost26HoursAndTheRetryAfterIsTruthful() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T10:30:00Z"));
        IdempotencyStore store = emptyStore(new IdempotencyLimits(1, 1000, 1000), clock);
        assertThat(store.claim("fay", "a", "fp", 1)).isEmpty();
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> store.claim("fay", "b", "fp", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(30 * 60));
        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThatThrownBy(() -> store.claim("fay", "b", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim("fay", "b", "fp", 1)).isEmpty();
    }

    @Test
    void theStoreHoldsRecordsOfAtMostItsClientLimit() {
        IdempotencyStore store = emptyStore(new IdempotencyLimits(10, 1000, 1), Clock.systemUTC());
        assertThat(store.claim("gus", "a", "fp", 1)).isEmpty();
        assertThatThrownBy(() -> store.claim("hal", "a", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
        assertThat(store.claim("gus", "b", "fp", 1)).isEmpty();
    }

    @Test
    void aClientWhoseClaimsWereAllReleasedHoldsNoClientSlot() {
        IdempotencyStore store = emptyStore(new IdempotencyLimits(10, 1000, 2), Clock.systemUTC());
        for (String subject : List.of("ian", "jo")) {
            assertThat(store.claim(subject, "a", "fp", 1)).isEmpty();
            store.release(subject, "a");
        }
        assertThat(store.claim("kim", "a", "fp", 1)).isEmpty();
        // A client whose ledger still counts a claim keeps its slot.
        assertThat(store.claim("lee", "a", "fp", 1)).isEmpty();
        assertThat(store.claim("lee", "b", "fp", 1)).isEmpty();
        store.release("lee", "b");
        assertThatThrownBy(() -> store.claim("max", "a", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
    }

    @Test
    void aClientRefusedForTheClientCapIsToldWhenTheFirstLedgerExpires() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T10:30:00Z"));
        IdempotencyStore store = emptyStore(new IdempotencyLimits(10, 1000, 2), clock);
        assertThat(store.claim("ned", "a", "fp", 1)).isEmpty();
        assertThat(store.claim("ned", "b", "fp", 1)).isEmpty();
        clock.advance(Duration.ofHours(3));
        assertThat(store.claim("oz", "a", "fp", 1)).isEmpty();
        // A release is no claim: ned's ledger, which still counts "a", keeps its expiry, 26 h after its last claim.
        clock.advance(Duration.ofHours(1));
        store.release("ned", "b");
        assertThatThrownBy(() -> store.claim("pat", "a", "fp", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(22 * 3600L));
    }
}
