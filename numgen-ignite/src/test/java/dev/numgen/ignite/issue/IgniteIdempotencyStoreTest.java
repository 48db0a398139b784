package dev.numgen.ignite.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.ignite.testing.TwoNodeCluster;
import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IdempotencyLimitException;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retry on another node finds what the first node answered. */
class IgniteIdempotencyStoreTest {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Test
    void aRetryOnAnotherNodeGetsTheSameNumbers() {
        IgniteIdempotencyStore onFirst =
                new IgniteIdempotencyStore(cluster.first().store());
        IgniteIdempotencyStore onSecond =
                new IgniteIdempotencyStore(cluster.second().store());
        IssuedNumbers issued = new IssuedNumbers("ORDER", List.of("O-1", "O-2"), IssueMode.NORMAL);

        assertThat(onFirst.claim("alice", "k1", "fp", 2)).isEmpty();
        assertThatThrownBy(() -> onSecond.claim("alice", "k1", "fp", 2))
                .isInstanceOf(IdempotencyKeyBusyException.class);
        onFirst.complete("alice", "k1", "fp", issued);

        assertThat(onSecond.claim("alice", "k1", "fp", 2)).contains(issued);
        assertThatThrownBy(() -> onSecond.claim("alice", "k1", "other", 2))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(onSecond.claim("bob", "k1", "fp", 2)).isEmpty();
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        IgniteIdempotencyStore onFirst =
                new IgniteIdempotencyStore(cluster.first().store());
        IgniteIdempotencyStore onSecond =
                new IgniteIdempotencyStore(cluster.second().store());
        assertThat(onFirst.claim("alice", "k2", "fp", 2)).isEmpty();
        onFirst.release("alice", "k2");
        assertThat(onSecond.claim("alice", "k2", "fp", 2)).isEmpty();
    }

    @Test
    void aClientPastItsKeyLimitIsRefusedAndNothingIsStoredForTheKey() {
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(3, 100_000, 1000), Clock.systemUTC());
        for (String key : List.of("k1", "k2", "k3")) {
            assertThat(store.claim("carol", key, "fp", 1)).isEmpty();
        }
        IssuedNumbers issued = new IssuedNumbers("ORDER", List.of("O-1"), IssueMode.NORMAL);
        store.complete("carol", "k1", "fp", issued);

        assertThatThrownBy(() -> store.claim("carol", "k4", "fp", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(25 * 3600L, 26 * 3600L));
        assertThat(cluster.second()
                        .store()
                        .cache(IgniteIdempotencyStore.RESULTS)
                        .containsKey(IgniteIdempotencyStore.id("carol", "k4")))
                .isFalse();
        // A retry of a key it holds is no new record: still answered.
        assertThat(store.claim("carol", "k1", "fp", 1)).contains(issued);
        assertThat(store.claim("dan", "k4", "fp", 1)).isEmpty();
    }

    @Test
    void aClientPastItsNumberLimitIsRefusedUntilAClaimIsReleased() {
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(100, 2000, 1000), Clock.systemUTC());
        assertThat(store.claim("erin", "a", "fp", 1000)).isEmpty();
        assertThat(store.claim("erin", "b", "fp", 1000)).isEmpty();
        assertThatThrownBy(() -> store.claim("erin", "c", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
        store.release("erin", "b");
        assertThat(store.claim("erin", "c", "fp", 1000)).isEmpty();
    }

    @Test
    void claimsCountForAtMost26Hours() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T10:30:00Z"));
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(1, 1000, 1000), clock);
        assertThat(store.claim("fay", "a", "fp", 1)).isEmpty();
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> store.claim("fay", "b", "fp", 1))
                .isInstanceOfSatisfying(
                        IdempotencyLimitException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(30 * 60));
        clock.advance(Duration.ofMinutes(30));
        assertThat(store.claim("fay", "b", "fp", 1)).isEmpty();
    }

    @Test
    void theClusterHoldsRecordsOfAtMostItsClientLimit() {
        int clients =
                cluster.first().store().cache(IgniteIdempotencyStore.LEDGERS).size();
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(10, 1000, clients + 1), Clock.systemUTC());
        assertThat(store.claim("gus", "a", "fp", 1)).isEmpty();
        assertThatThrownBy(() -> store.claim("hal", "a", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
        assertThat(store.claim("gus", "b", "fp", 1)).isEmpty();
    }

    @Test
    void aClientWhoseClaimsWereAllReleasedHoldsNoClientSlot() {
        cluster.first().store().cache(IgniteIdempotencyStore.LEDGERS).clear();
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(10, 1000, 2), Clock.systemUTC());
        for (String subject : List.of("ian", "jo")) {
            assertThat(store.claim(subject, "a", "fp", 1)).isEmpty();
            store.release(subject, "a");
            assertThat(cluster.second()
                            .store()
                            .cache(IgniteIdempotencyStore.LEDGERS)
                            .containsKey(subject))
                    .isFalse();
        }
        assertThat(store.claim("kim", "a", "fp", 1)).isEmpty();
        // A ledger that still counts a claim keeps its slot.
        assertThat(store.claim("lee", "a", "fp", 1)).isEmpty();
        assertThat(store.claim("lee", "b", "fp", 1)).isEmpty();
        store.release("lee", "b");
        assertThatThrownBy(() -> store.claim("max", "a", "fp", 1)).isInstanceOf(IdempotencyLimitException.class);
    }

    @Test
    void aClientRefusedForTheClientCapIsToldWhenTheFirstLedgerExpires() {
        cluster.first().store().cache(IgniteIdempotencyStore.LEDGERS).clear();
        HandClock clock = new HandClock(Instant.parse("2026-11-25T10:30:00Z"));
        IgniteIdempotencyStore store = limited(new IdempotencyLimits(10, 1000, 2), clock);
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

    private static IgniteIdempotencyStore limited(IdempotencyLimits limits, Clock clock) {
        return new IgniteIdempotencyStore(cluster.first().store(), limits, clock);
    }
}
