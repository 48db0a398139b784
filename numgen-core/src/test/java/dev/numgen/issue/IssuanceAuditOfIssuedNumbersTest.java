package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.numgen.provisional.InMemoryProvisionalJournal;
import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.InMemoryGaplessStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The audit of numbers as a GAPLESS counter really issues them (through the issuer, the counter and the register),
 * across the rule changes the registrar accepts and up to the end of a long.
 */
class IssuanceAuditOfIssuedNumbersTest {

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final InMemoryGaplessStore counters = new InMemoryGaplessStore(registry);
    private final InMemoryIssuanceRegister register = new InMemoryIssuanceRegister();
    private final RuleRegistrar registrar =
            new RuleRegistrar(registry, counters, new RuleValidator(), Clock.systemUTC());
    private final NumberIssuer issuer = new NumberIssuer(
            registry,
            Map.of(Strategy.GAPLESS, new GaplessCounter(counters)),
            register,
            Clock.systemUTC(),
            () -> true,
            new ProvisionalIssuer(new InMemoryProvisionalJournal(), "test"));
    private final IssuanceAudit audit = new IssuanceAudit(registry, register, new InMemoryVoidLedger());

    private void rule(RuleDefinitions definition) {
        registrar.register(new PrefixKey("INVOICE"), definition.build(), OptionalLong.empty(), "t");
    }

    private void issue(int count) {
        issuer.issue("alice", "INVOICE", count, Map.of());
    }

    private List<String> states() {
        List<String> states = new ArrayList<>();
        audit.page("INVOICE", "", 0, Long.MAX_VALUE, IssuanceAudit.MAX_PAGE)
                .entries()
                .forEach(entry -> states.add(entry.value() + ":" + entry.state()));
        return states;
    }

    @Test
    void aStepChangedAfterIssuingLeavesNoValueMissing() {
        rule(RuleDefinitions.rule("I-{seq}").strategy("GAPLESS"));
        issue(3); // 1, 2, 3
        rule(RuleDefinitions.rule("I-{seq}").strategy("GAPLESS").step(5L));
        issue(1); // 8: the counter moves on from 3 by the new step
        issue(2); // 13, 18

        assertThat(states()).containsExactly("1:ISSUED", "2:ISSUED", "3:ISSUED", "8:ISSUED", "13:ISSUED", "18:ISSUED");
        RegisterCheck check = audit.check("INVOICE");
        assertThat(check.counters().get(0).missing()).isEmpty();
        assertThat(check.complete()).isTrue();
    }

    @Test
    void aCounterThatEndsAtTheLargestLongIsCheckedAndPagedOnce() {
        // 256 requests of one number: a full read of records whose last one ends the counter at Long.MAX_VALUE.
        rule(RuleDefinitions.rule("I-{seq}").strategy("GAPLESS").start(Long.MAX_VALUE - 255));
        for (int i = 0; i < 256; i++) {
            issue(1);
        }

        RegisterCheck check = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> audit.check("INVOICE"));
        assertThat(check.counters().get(0).issued()).isEqualTo(256);
        assertThat(check.counters().get(0).highest()).isEqualTo(Long.MAX_VALUE);
        assertThat(check.complete()).isTrue();

        RegisterPage page = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> audit.page("INVOICE", "", 0, Long.MAX_VALUE, IssuanceAudit.MAX_PAGE));
        assertThat(page.entries()).hasSize(256);
        assertThat(page.entries().get(255).value()).isEqualTo(Long.MAX_VALUE);
        assertThat(page.nextFrom()).isNull();
    }
}
