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
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.InMemoryGaplessStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The two windows in which a GAPLESS number could be dropped silently, each closed: a node that dies after its take
 * commits but before the caller sees the numbers (the register names them and who took them; a retry with the same
 * Idempotency-Key gets them), and a key whose result cannot be written (it is written in the take's transaction, so
 * nothing commits and the retry issues once).
 */
class GaplessAccountingTest {

    private static final CounterKey INVOICE = new CounterKey("INVOICE", "");

    /** A failure of the store while it writes a key's result inside the take. */
    private static final class ResultWriteFailed extends RuntimeException {
        ResultWriteFailed() {
            super("cannot write the result (test)");
        }
    }

    /** What a node that dies after committing leaves its caller with: no answer. */
    private static final class NodeDied extends RuntimeException {
        NodeDied() {
            super("the node died after the commit (test)");
        }
    }

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final InMemoryGaplessStore counters = new InMemoryGaplessStore(registry);
    private final InMemoryIssuanceRegister register = new InMemoryIssuanceRegister();
    private final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    private volatile boolean dieAfterCommit;
    private volatile boolean keyResultsFail;

    /** The counters, except that a take can be made to die once it has committed. */
    private final GaplessStore dying = (key, claims, next) -> {
        counters.take(key, claims, next);
        if (dieAfterCommit) {
            throw new NodeDied();
        }
    };

    /** The keys, except that writing a result can be made to fail. */
    private final IdempotencyStore failingResults = new ForwardingIdempotencyStore(keys) {
        @Override
        public void completeInTransaction(String caller, String key, String fingerprint, IssuedNumbers issued) {
            if (keyResultsFail) {
                throw new ResultWriteFailed();
            }
            super.completeInTransaction(caller, key, fingerprint, issued);
        }
    };

    private final NumberIssuer numbers = new NumberIssuer(
            registry,
            Map.of(Strategy.GAPLESS, new GaplessCounter(dying)),
            register,
            Clock.systemUTC(),
            () -> true,
            new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"));
    private final IdempotentIssuer issuer = new IdempotentIssuer(numbers, failingResults);

    GaplessAccountingTest() {
        new RuleRegistrar(registry, counters, new RuleValidator(), Clock.systemUTC())
                .register(
                        new PrefixKey("INVOICE"),
                        RuleDefinitions.rule("INV-{seq:4}").strategy("GAPLESS").build(),
                        OptionalLong.empty(),
                        "test");
    }

    @Test
    void aRetryAfterANodeDiedBetweenCommitAndResponseGetsTheNumbersThatCommitted() {
        dieAfterCommit = true;
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "INVOICE", 3, Map.of()))
                .isInstanceOf(NodeDied.class);
        dieAfterCommit = false;

        IssuedNumbers retried = issuer.issue("alice", "k1", "INVOICE", 3, Map.of());

        assertThat(retried.numbers()).containsExactly("INV-0001", "INV-0002", "INV-0003");
        assertThat(register.all(INVOICE)).singleElement().satisfies(record -> {
            assertThat(record.numbers()).isEqualTo(retried.numbers());
            assertThat(record.subject()).isEqualTo("alice");
            assertThat(record.idempotencyKey()).isEqualTo("k1");
        });
        assertThat(numbers.issue("bob", "INVOICE", 1, Map.of()).numbers()).containsExactly("INV-0004");
    }

    @Test
    void numbersWhoseCallerNeverSawThemAreInTheRegisterWithWhoTookThem() {
        dieAfterCommit = true;
        assertThatThrownBy(() -> numbers.issue("alice", "INVOICE", 2, Map.of())).isInstanceOf(NodeDied.class);
        dieAfterCommit = false;

        assertThat(numbers.issue("alice", "INVOICE", 1, Map.of()).numbers()).containsExactly("INV-0003");
        assertThat(register.all(INVOICE)).hasSize(2).first().satisfies(record -> {
            assertThat(record.numbers()).containsExactly("INV-0001", "INV-0002");
            assertThat(record.subject()).isEqualTo("alice");
            assertThat(record.idempotencyKey()).isNull();
        });
    }

    @Test
    void aKeyWhoseResultCannotBeWrittenTakesNothingAndItsRetryIssuesOnce() {
        keyResultsFail = true;
        assertThatThrownBy(() -> issuer.issue("alice", "k1", "INVOICE", 2, Map.of()))
                .isInstanceOf(ResultWriteFailed.class);
        keyResultsFail = false;
        assertThat(register.all(INVOICE)).isEmpty();

        IssuedNumbers retried = issuer.issue("alice", "k1", "INVOICE", 2, Map.of());
        IssuedNumbers again = issuer.issue("alice", "k1", "INVOICE", 2, Map.of());

        assertThat(retried.numbers()).containsExactly("INV-0001", "INV-0002");
        assertThat(again).isEqualTo(retried);
        assertThat(register.all(INVOICE)).hasSize(1);
    }

    @Test
    void aKeyReusedWithOtherParametersIsRefusedInsideTheTakeAndTakesNothing() {
        issuer.issue("alice", "k1", "INVOICE", 2, Map.of());

        assertThatThrownBy(() -> issuer.issue("alice", "k1", "INVOICE", 3, Map.of()))
                .isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(numbers.issue("bob", "INVOICE", 1, Map.of()).numbers()).containsExactly("INV-0003");
        assertThat(register.all(INVOICE)).hasSize(2);
    }

    @Test
    void aKeyReusedAcrossCallersIsEachCallersOwn() {
        IssuedNumbers alices = issuer.issue("alice", "k1", "INVOICE", 1, Map.of());
        IssuedNumbers bobs = issuer.issue("bob", "k1", "INVOICE", 1, Map.of());

        assertThat(alices.numbers()).containsExactly("INV-0001");
        assertThat(bobs.numbers()).containsExactly("INV-0002");
        assertThat(register.all(INVOICE)).extracting(RegisterRecord::subject).containsExactly("alice", "bob");
    }

    @Test
    void aRetryWhoseFirstAttemptCommitsWhileItIsCountedIsAnsweredEvenAtTheClientsLimit() {
        IssuedNumbers first = issuer.issue("alice", "k1", "INVOICE", 2, Map.of());
        // The retry looks before the first attempt has committed, and is counted after it has, at the limit.
        IdempotencyStore racing = new ForwardingIdempotencyStore(keys) {
            private boolean looked;

            @Override
            public java.util.Optional<IssuedNumbers> answered(String caller, String key, String fingerprint) {
                if (!looked) {
                    looked = true;
                    return java.util.Optional.empty();
                }
                return super.answered(caller, key, fingerprint);
            }

            @Override
            public long count(String caller, String key, int numbers) {
                throw new IdempotencyLimitException("this client holds 10000 keys", 60);
            }
        };

        assertThat(new IdempotentIssuer(numbers, racing).issue("alice", "k1", "INVOICE", 2, Map.of()))
                .isEqualTo(first);
    }

    @Test
    void everyNumberIssuedIsInTheRegisterOnce() {
        issuer.issue("alice", "k1", "INVOICE", 3, Map.of());
        numbers.issue("bob", "INVOICE", 2, Map.of());
        issuer.issue("alice", "k1", "INVOICE", 3, Map.of());

        List<String> registered = register.all(INVOICE).stream()
                .flatMap(record -> record.numbers().stream())
                .toList();
        assertThat(registered).containsExactly("INV-0001", "INV-0002", "INV-0003", "INV-0004", "INV-0005");
    }
}
