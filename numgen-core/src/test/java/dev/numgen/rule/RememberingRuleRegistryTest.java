package dev.numgen.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RememberingRuleRegistryTest {

    /** A cluster registry that can become unreachable. */
    static final class Unreachable implements RuleRegistry {
        final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
        boolean down;

        private void check() {
            if (down) {
                throw new RuleStoreUnavailableException("cluster out of reach (test)", null);
            }
        }

        @Override
        public Optional<RegisteredRule> find(PrefixKey key) {
            check();
            return rules.find(key);
        }

        @Override
        public List<RegisteredRule> list() {
            check();
            return rules.list();
        }

        @Override
        public Registration register(
                PrefixRule rule, OptionalLong expected, String by, Instant at, ChangeCheck changeCheck) {
            check();
            return rules.register(rule, expected, by, at, changeCheck);
        }

        @Override
        public List<RuleChange> history(PrefixKey key) {
            check();
            return rules.history(key);
        }

        @Override
        public void onChange(Consumer<RegisteredRule> listener) {
            rules.onChange(listener);
        }
    }

    private final Unreachable cluster = new Unreachable();
    private final InMemoryRuleSnapshot snapshot = new InMemoryRuleSnapshot();
    private final RememberingRuleRegistry registry = new RememberingRuleRegistry(cluster, snapshot);
    private final PrefixKey order = new PrefixKey("ORDER");

    private void register(int reserveSize) {
        cluster.register(
                TestRules.segment("ORDER", 1, 1, 999_999, reserveSize),
                OptionalLong.empty(),
                "test",
                Instant.EPOCH,
                (current, proposed) -> {});
    }

    @Test
    void answersFromTheLastVersionItSawWhenTheClusterIsOutOfReach() {
        register(1000);
        assertThat(registry.find(order)).isPresent();
        register(2000); // heard of through the change feed, never looked up
        cluster.down = true;
        assertThat(registry.find(order))
                .get()
                .extracting(rule -> rule.rule().reserveSize())
                .isEqualTo(2000);
    }

    @Test
    void aRuleItNeverSawStaysUnavailable() {
        cluster.down = true;
        assertThatThrownBy(() -> registry.find(order)).isInstanceOf(RuleStoreUnavailableException.class);
    }

    @Test
    void anAbsentRuleIsAbsentWhileTheClusterAnswers() {
        assertThat(registry.find(order)).isEmpty();
    }
}
