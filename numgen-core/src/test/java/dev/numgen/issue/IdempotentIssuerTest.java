package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.VariableSpec;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotentIssuerTest {

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final AtomicLong values = new AtomicLong();
    private final SequenceStrategy sequence = key -> (Counter) values::incrementAndGet;
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryProvisionalJournal journal = new InMemoryProvisionalJournal();
    private volatile boolean inMajority = true;
    private final IdempotentIssuer issuer = new IdempotentIssuer(
            new NumberIssuer(
                    registry,
                    Map.of(Strategy.SEGMENT, sequence),
                    new InMemoryIssuanceRegister(),
                    Clock.systemUTC(),
                    () -> inMajority,
                    new ProvisionalIssuer(journal, "test"),
                    new ClientQuotas(ClientQuotas.DEFAULT_PER_MINUTE, 100, clock)),
            store);

    IdempotentIssuerTest() {
        RuleRegistrar registrar =
                new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), Clock.systemUTC());
        registrar.register(
                new PrefixKey("ORDER"), RuleDefinitions.rule("O-{seq}").build(), OptionalLong.empty(), "test");
        registrar.register(
                new PrefixKey("REGION"),
                RuleDefinitions.rule("R-{var:region}-{seq}")
                        .variables(Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)))
                        .build(),
                OptionalLong.empty(),
                "test");
        registrar.register(
                new PrefixKey("SMALL"), RuleDefinitions.rule("S-{seq}").quota(3).build(), OptionalLong.empty(), "test");
    }

    @Test
    void anInvalidRequestIsRefusedBeforeItsKeyIsClaimed() {
        for (int count : new int[] {0, -5, 200_000}) {
            assertThatThrownBy(() -> issuer.issue("alice", "k1", "ORDER", count, Map.of()))
                    .isInstanceOfSatisfying(
                            InvalidIssueRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("count"));
        }
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "NOPE", 1, Map.of()))
                .isInstanceOf(UnknownPrefixException.class);
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "REGION", 1, Map.of("region", "europe")))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("region"));
        // A count the rule's whole quota could never grant.
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "SMALL", 4, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("count"));
        assertThat(store.claims()).isZero();
        assertThat(issuer.issue("alice", "k1", "ORDER", 1, Map.of()).numbers()).containsExactly("O-1");
    }

    @Test
    void aRequestPastItsQuotaIsRefusedBeforeItsKeyIsClaimedAndAnAnsweredKeyIsStillAnswered() {
        IssuedNumbers first = issuer.issue("alice", "k1", "SMALL", 1, Map.of());
        assertThat(store.claims()).isEqualTo(1);
        // Replays take nothing: what they took before the claim found the answer is given back.
        assertThat(issuer.issue("alice", "k1", "SMALL", 1, Map.of())).isEqualTo(first);
        assertThat(issuer.issue("alice", "k1", "SMALL", 1, Map.of())).isEqualTo(first);
        assertThat(issuer.issue("alice", "k2", "SMALL", 2, Map.of()).numbers()).hasSize(2);
        int claims = store.claims();

        assertThatThrownBy(() -> issuer.issue("alice", "k3", "SMALL", 1, Map.of()))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(store.claims()).isEqualTo(claims);
        assertThat(store.holds("alice", "k3")).isFalse();
        // The quota is spent, yet a retry of an answered key gets its numbers.
        assertThat(issuer.issue("alice", "k1", "SMALL", 1, Map.of())).isEqualTo(first);
        clock.advance(Duration.ofSeconds(20));
        assertThat(issuer.issue("alice", "k3", "SMALL", 1, Map.of()).numbers()).hasSize(1);
    }

    /** A SEGMENT rule would get provisional numbers here without a key; with one, nothing is claimed or issued. */
    @Test
    void outsideTheMajorityAKeyIsRefusedBeforeItIsClaimedAndNothingIsIssued() {
        inMajority = false;
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "SMALL", 3, Map.of()))
                .isInstanceOf(NoMajorityException.class)
                .hasMessageContaining("Idempotency-Key k1");
        assertThat(store.claims()).isZero();
        assertThat(journal.all()).isEmpty();
        assertThat(values).hasValue(0);

        inMajority = true;
        // What the refused request took of the quota (3 of 3) was given back.
        assertThat(issuer.issue("alice", "k1", "SMALL", 3, Map.of()).numbers()).containsExactly("S-1", "S-2", "S-3");
    }

    @Test
    void sameKeyAndParametersReturnTheSameNumbers() {
        IssuedNumbers first = issuer.issue("alice", "k1", "ORDER", 2, Map.of());
        IssuedNumbers retry = issuer.issue("alice", "k1", "ORDER", 2, Map.of());
        assertThat(retry).isEqualTo(first);
        assertThat(first.numbers()).containsExactly("O-1", "O-2");
        assertThat(issuer.issue("alice", "k2", "ORDER", 1, Map.of()).numbers()).containsExactly("O-3");
    }

    @Test
    void sameKeyWithOtherParametersIsRefused() {
        issuer.issue("alice", "k1", "ORDER", 2, Map.of());
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "ORDER", 3, Map.of()))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void keysBelongToTheirCaller() {
        IssuedNumbers alice = issuer.issue("alice", "k1", "ORDER", 1, Map.of());
        IssuedNumbers bob = issuer.issue("bob", "k1", "ORDER", 1, Map.of());
        assertThat(bob.numbers()).isNotEqualTo(alice.numbers());
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "NOPE", 1, Map.of()))
                .isInstanceOf(UnknownPrefixException.class);
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "NOPE", 1, Map.of()))
                .isInstanceOf(UnknownPrefixException.class);
    }

    @Test
    void fingerprintsCannotBeConfusedByCleverValues() {
        assertThat(IdempotentIssuer.fingerprint("A", 1, Map.of("x", "1;y")))
                .isNotEqualTo(IdempotentIssuer.fingerprint("A", 1, Map.of("x", "1", "y", "")));
    }
}
