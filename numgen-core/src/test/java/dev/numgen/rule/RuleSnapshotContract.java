package dev.numgen.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RuleSnapshot} promises: it finds the newest version it was given of each rule, whole, and never
 * goes back to an older one. The in-memory fake and the snapshot file both extend it.
 */
public abstract class RuleSnapshotContract {

    private static final PrefixKey ORDER = new PrefixKey("ORDER");

    /** A snapshot that holds nothing yet. */
    protected abstract RuleSnapshot emptySnapshot();

    protected static RegisteredRule version(long version, int reserveSize) {
        PrefixRule rule = TestRules.validated(
                ORDER,
                RuleDefinitions.rule("ORD-{yyyy}{MM}{dd}-{var:region}-{seq:6}")
                        .reset("DAILY")
                        .reserveSize(reserveSize)
                        .timeZone("Europe/Berlin")
                        .variables(Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)))
                        .description("Sales orders")
                        .concurrency("OPTIMISTIC")
                        .quota(60)
                        .build());
        return new RegisteredRule(rule, version, "admin", Instant.parse("2026-11-25T22:00:00.123Z"));
    }

    @Test
    void anEmptySnapshotFindsNothing() {
        assertThat(emptySnapshot().find(ORDER)).isEmpty();
    }

    @Test
    void aKeptRuleIsFoundWhole() {
        RuleSnapshot snapshot = emptySnapshot();
        snapshot.keep(version(1, 1000));
        assertThat(snapshot.find(ORDER)).contains(version(1, 1000));
        assertThat(snapshot.find(new PrefixKey("OTHER"))).isEmpty();
    }

    @Test
    void onlyANewerVersionReplacesAKeptOne() {
        RuleSnapshot snapshot = emptySnapshot();
        snapshot.keep(version(2, 1000));
        snapshot.keep(version(1, 5000));
        snapshot.keep(version(2, 7000));
        assertThat(snapshot.find(ORDER)).contains(version(2, 1000));
        snapshot.keep(version(3, 2000));
        assertThat(snapshot.find(ORDER)).contains(version(3, 2000));
    }

    @Test
    void rulesOfOtherKeysAreKeptApart() {
        RuleSnapshot snapshot = emptySnapshot();
        RegisteredRule other = new RegisteredRule(TestRules.segment("OTHER", 1, 1, 99, 10), 1, "bob", Instant.EPOCH);
        snapshot.keep(version(4, 1000));
        snapshot.keep(other);
        assertThat(snapshot.find(ORDER)).contains(version(4, 1000));
        assertThat(snapshot.find(new PrefixKey("OTHER"))).contains(other);
    }
}
