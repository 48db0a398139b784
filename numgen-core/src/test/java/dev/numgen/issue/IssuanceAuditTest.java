package dev.numgen.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinitions;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The register as an auditor reads it: each value with its state, pages, and whether 1..N is complete. */
class IssuanceAuditTest {

    private static final CounterKey INVOICE = new CounterKey("INVOICE", "");

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final InMemoryIssuanceRegister register = new InMemoryIssuanceRegister();
    private final InMemoryVoidLedger voids = new InMemoryVoidLedger();
    private final IssuanceAudit audit = new IssuanceAudit(registry, register, voids);

    IssuanceAuditTest() {
        RuleRegistrar registrar =
                new RuleRegistrar(registry, key -> OptionalLong.empty(), new RuleValidator(), Clock.systemUTC());
        registrar.register(
                new PrefixKey("INVOICE"),
                RuleDefinitions.rule("I-{seq}").strategy("GAPLESS").build(),
                OptionalLong.empty(),
                "t");
        registrar.register(
                new PrefixKey("STEPPED"),
                RuleDefinitions.rule("S-{seq}")
                        .strategy("GAPLESS")
                        .start(10L)
                        .step(10L)
                        .build(),
                OptionalLong.empty(),
                "t");
        registrar.register(
                new PrefixKey("YEARLY"),
                RuleDefinitions.rule("Y-{yyyy}-{seq}")
                        .strategy("GAPLESS")
                        .reset("YEARLY")
                        .build(),
                OptionalLong.empty(),
                "t");
        registrar.register(
                new PrefixKey("ORDER"), RuleDefinitions.rule("O-{seq}").build(), OptionalLong.empty(), "t");
    }

    private void record(CounterKey counter, long first, long step, int count, String subject, String key) {
        String prefix = counter.prefixKey().substring(0, 1) + "-";
        List<String> numbers = LongStream.range(0, count)
                .mapToObj(i -> prefix + (first + i * step))
                .toList();
        register.record(counter, first, step, numbers, subject, key);
    }

    private void voidNumber(String prefixKey, String number, long sequence) {
        voids.add(new VoidedNumber(prefixKey, number, sequence, "torn up", "auditor", Instant.now()));
    }

    private static List<String> states(RegisterPage page) {
        List<String> states = new ArrayList<>();
        page.entries().forEach(entry -> states.add(entry.value() + ":" + entry.state()));
        return states;
    }

    @Test
    void aCompleteCounterListsEveryValueWithTheRequestThatTookItOrItsVoid() {
        record(INVOICE, 1, 1, 2, "alice", "k1");
        record(INVOICE, 3, 1, 1, "bob", null);
        voidNumber("INVOICE", "I-2", 2);

        RegisterPage page = audit.page("INVOICE", "", 0, Long.MAX_VALUE, 100);

        assertThat(states(page)).containsExactly("1:ISSUED", "2:VOIDED", "3:ISSUED");
        assertThat(page.nextFrom()).isNull();
        RegisterPage.Entry second = page.entries().get(1);
        assertThat(second.number()).isEqualTo("I-2");
        assertThat(second.issued().subject()).isEqualTo("alice");
        assertThat(second.issued().idempotencyKey()).isEqualTo("k1");
        assertThat(second.issued().first()).isEqualTo(1);
        assertThat(second.issued().last()).isEqualTo(2);
        assertThat(second.voided().reason()).isEqualTo("torn up");
        assertThat(page.entries().get(2).issued().subject()).isEqualTo("bob");

        RegisterCheck check = audit.check("INVOICE");
        assertThat(check.complete()).isTrue();
        assertThat(check.counters()).singleElement().satisfies(counter -> {
            assertThat(counter.counter()).isEmpty();
            assertThat(counter.first()).isEqualTo(1);
            assertThat(counter.highest()).isEqualTo(3);
            assertThat(counter.records()).isEqualTo(2);
            assertThat(counter.issued()).isEqualTo(2);
            assertThat(counter.voided()).isEqualTo(1);
            assertThat(counter.missingCount()).isZero();
        });
    }

    @Test
    void aValueNoRecordHoldsIsMissingUnlessItsSequenceIsVoided() {
        record(INVOICE, 3, 1, 1, "a", null); // 1 and 2 were never recorded
        record(INVOICE, 5, 1, 2, "a", null); // nor 4
        voidNumber("INVOICE", "I-2", 2);

        assertThat(states(audit.page("INVOICE", "", 0, Long.MAX_VALUE, 100)))
                .containsExactly("1:MISSING", "2:VOIDED", "3:ISSUED", "4:MISSING", "5:ISSUED", "6:ISSUED");
        RegisterCheck check = audit.check("INVOICE");
        assertThat(check.complete()).isFalse();
        assertThat(check.counters().get(0).missing()).containsExactly(1L, 4L);
        assertThat(check.counters().get(0).missingCount()).isEqualTo(2);
        assertThat(check.counters().get(0).voided()).isEqualTo(1);
    }

    @Test
    void pagesWalkTheRangeOnceWithoutSkippingAValue() {
        long value = 1;
        for (int i = 0; i < 400; i++) {
            int count = 1 + i % 5;
            if (i == 200) {
                value += 3; // a gap of three
            }
            record(INVOICE, value, 1, count, "a", null);
            value += count;
        }
        long highest = value - 1;

        List<Long> walked = new ArrayList<>();
        Long from = 0L;
        int pages = 0;
        while (from != null) {
            RegisterPage page = audit.page("INVOICE", "", from, Long.MAX_VALUE, 97);
            page.entries().forEach(entry -> walked.add(entry.value()));
            from = page.nextFrom();
            pages++;
        }

        assertThat(walked)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, highest).boxed().toList());
        assertThat(pages).isEqualTo((int) ((highest + 96) / 97));
        assertThat(audit.check("INVOICE").counters().get(0).missingCount()).isEqualTo(3);
    }

    @Test
    void aRangeInTheMiddleStartsAndEndsWhereAsked() {
        record(INVOICE, 1, 1, 10, "a", null);
        record(INVOICE, 11, 1, 10, "b", null);

        RegisterPage page = audit.page("INVOICE", "", 8, 13, 1000);

        assertThat(page.entries()).extracting(RegisterPage.Entry::value).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(page.entries().get(3).issued().subject()).isEqualTo("b");
        assertThat(page.nextFrom()).isNull();
    }

    @Test
    void aSteppedCounterListsItsOwnValuesAndItsGapsByItsStep() {
        CounterKey stepped = new CounterKey("STEPPED", "");
        record(stepped, 10, 10, 2, "a", null);
        record(stepped, 50, 10, 1, "a", null);

        assertThat(states(audit.page("STEPPED", "", 0, Long.MAX_VALUE, 100)))
                .containsExactly("10:ISSUED", "20:ISSUED", "30:MISSING", "40:MISSING", "50:ISSUED");
        assertThat(audit.check("STEPPED").counters().get(0).missing()).containsExactly(30L, 40L);
    }

    @Test
    void eachCounterOfARuleIsCheckedAndPagedOnItsOwn() {
        record(new CounterKey("YEARLY", "2025"), 1, 1, 3, "a", null);
        record(new CounterKey("YEARLY", "2026"), 1, 1, 1, "a", null);
        record(new CounterKey("YEARLY", "2026"), 3, 1, 1, "a", null);

        RegisterCheck check = audit.check("YEARLY");

        assertThat(check.complete()).isFalse();
        assertThat(check.counters()).extracting(RegisterCheck.Counter::counter).containsExactly("2025", "2026");
        assertThat(check.counters()).extracting(RegisterCheck.Counter::complete).containsExactly(true, false);
        assertThat(states(audit.page("YEARLY", "2026", 0, Long.MAX_VALUE, 10)))
                .containsExactly("1:ISSUED", "2:MISSING", "3:ISSUED");
        assertThat(audit.page("YEARLY", "2024", 0, Long.MAX_VALUE, 10).entries())
                .isEmpty();
    }

    @Test
    void aVoidOfASequenceDoesNotCoverAMissingValueInARuleWithManyCounters() {
        record(new CounterKey("YEARLY", "2026"), 2, 1, 1, "a", null);
        voidNumber("YEARLY", "Y-2025-1", 1);

        assertThat(states(audit.page("YEARLY", "2026", 0, Long.MAX_VALUE, 10)))
                .containsExactly("1:MISSING", "2:ISSUED");
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        assertThatThrownBy(() -> audit.page("INVOICE", "", -1, 5, 10))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> audit.page("INVOICE", "", 5, 4, 10))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("to"));
        for (int limit : new int[] {0, 1001}) {
            assertThatThrownBy(() -> audit.page("INVOICE", "", 0, 4, limit))
                    .isInstanceOfSatisfying(
                            InvalidIssueRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("limit"));
        }
        assertThatThrownBy(() -> audit.check("ORDER"))
                .isInstanceOfSatisfying(
                        InvalidIssueRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("prefixKey"));
        assertThatThrownBy(() -> audit.check("NOPE")).isInstanceOf(UnknownPrefixException.class);
    }
}
