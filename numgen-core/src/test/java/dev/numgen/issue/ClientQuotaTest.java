package dev.numgen.issue;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.InMemoryGaplessStore;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each client's quota of numbers per rule and minute. */
class ClientQuotaTest {

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final AtomicLong values = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();
    private final SequenceStrategy sequence = key -> (Counter) () -> {
        if (down.get()) {
            throw new SequenceUnavailableException(key, "the store is down", null);
        }
        return values.incrementAndGet();
    };

    private GaplessStore failingWhenDown(GaplessStore store) {
        return (key, claims, next) -> {
            if (down.get()) {
                throw new SequenceUnavailableException(key, "the store is down", null);
            }
            store.take(key, claims, next);
        };
    }

    private final HandClock clock = new HandClock(Instant.parse("2026-11-25T22:30:00Z"));
    private final NumberIssuer issuer = new NumberIssuer(
            registry,
            Map.of(
                    Strategy.SEGMENT,
                    sequence,
                    Strategy.GAPLESS,
                    new GaplessCounter(failingWhenDown(new InMemoryGaplessStore(registry)))),
            new InMemoryIssuanceRegister(),
            clock,
            () -> true,
            new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"),
            new ClientQuotas(10, 1000, clock));

    ClientQuotaTest() {
        register("ORDER", rule("O-{seq}").build());
        register("INVOICE", rule("I-{seq}").quota(3).build());
        register("GAPLESS", rule("G-{seq}").strategy("GAPLESS").build());
    }

    private void register(String key, RuleDefinition definition) {
        new RuleRegistrar(registry, k -> OptionalLong.empty(), new RuleValidator(), clock)
                .register(new PrefixKey(key), definition, OptionalLong.empty(), "test");
    }

    @Test
    void aClientBeyondItsQuotaIsRefusedUntilEnoughIsBackAndNothingIsIssued() {
        assertThat(issuer.issue("alice", "ORDER", 4, Map.of()).numbers()).hasSize(4);
        assertThat(issuer.issue("alice", "ORDER", 6, Map.of()).numbers()).hasSize(6);
        // 10 per minute: two numbers come back in 12 s.
        assertThatThrownBy(() -> issuer.issue("alice", "ORDER", 2, Map.of()))
                .isInstanceOfSatisfying(
                        QuotaExceededException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(12));
        assertThat(values).hasValue(10);

        clock.advance(Duration.ofSeconds(12));
        assertThat(issuer.issue("alice", "ORDER", 2, Map.of()).numbers()).containsExactly("O-11", "O-12");
    }

    @Test
    void anotherClientIsUnaffected() {
        issuer.issue("alice", "ORDER", 10, Map.of());
        assertThatThrownBy(() -> issuer.issue("alice", "ORDER", 1, Map.of()))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(issuer.issue("bob", "ORDER", 10, Map.of()).numbers()).hasSize(10);
    }

    @Test
    void aRulesOwnQuotaOverridesTheDefault() {
        issuer.issue("alice", "INVOICE", 3, Map.of());
        assertThatThrownBy(() -> issuer.issue("alice", "INVOICE", 1, Map.of()))
                .isInstanceOfSatisfying(
                        QuotaExceededException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(20));
        // Each rule has its own bucket.
        assertThat(issuer.issue("alice", "ORDER", 10, Map.of()).numbers()).hasSize(10);
    }

    @Test
    void aCountAboveTheWholeQuotaIsAnInvalidRequest() {
        assertThatThrownBy(() -> issuer.issue("alice", "INVOICE", 4, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("count"));
        assertThat(values).hasValue(0);
    }

    @Test
    void aRequestThatFailsGivesBackWhatItTook() {
        down.set(true);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> issuer.issue("alice", "GAPLESS", 10, Map.of()))
                    .isInstanceOf(SequenceUnavailableException.class);
        }
        down.set(false);
        assertThat(issuer.issue("alice", "GAPLESS", 10, Map.of()).numbers()).hasSize(10);
    }
}
