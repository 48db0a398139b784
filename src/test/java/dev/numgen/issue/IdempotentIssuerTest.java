package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.SequenceStrategy;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotentIssuerTest {

    /** A fake store: one process, a map. */
    private static final class InMemoryIdempotencyStore implements IdempotencyStore {
        record Entry(String fingerprint, IssuedNumbers issued) {}

        final Map<String, Entry> entries = new HashMap<>();

        @Override
        public synchronized Optional<IssuedNumbers> claim(String caller, String key, String fingerprint, int count) {
            Entry known = entries.get(caller + "/" + key);
            if (known == null) {
                entries.put(caller + "/" + key, new Entry(fingerprint, null));
                return Optional.empty();
            }
            if (!known.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            if (known.issued() == null) {
                throw new IdempotencyKeyBusyException(key);
            }
            return Optional.of(known.issued());
        }

        @Override
        public synchronized void complete(String caller, String key, String fingerprint, IssuedNumbers issued) {
            entries.put(caller + "/" + key, new Entry(fingerprint, issued));
        }

        @Override
        public synchronized void release(String caller, String key) {
            entries.remove(caller + "/" + key);
        }
    }

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final AtomicLong values = new AtomicLong();
    private final SequenceStrategy sequence = key -> (Counter) values::incrementAndGet;
    private final IdempotentIssuer issuer = new IdempotentIssuer(
            new NumberIssuer(
                    registry,
                    Map.of(Strategy.SEGMENT, sequence),
                    Clock.systemUTC(),
                    () -> true,
                    new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test")),
            new InMemoryIdempotencyStore());

    IdempotentIssuerTest() {
        new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), Clock.systemUTC())
                .register(
                        new PrefixKey("ORDER"),
                        new RuleDefinition("O-{seq}", null, null, null, null, null, null, null, null, null, null),
                        OptionalLong.empty(),
                        "test");
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
