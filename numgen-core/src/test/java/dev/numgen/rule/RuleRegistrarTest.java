package dev.numgen.rule;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRegistrarTest {

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();
    private final Map<String, Long> issued = new HashMap<>();
    /** Prefixes recorded as issuing by a strategy that counts no values (SNOWFLAKE). */
    private final Set<String> recorded = new HashSet<>();

    private final IssuedValues issuedValues = new IssuedValues() {
        @Override
        public OptionalLong highest(PrefixKey key) {
            return issued.containsKey(key.value()) ? OptionalLong.of(issued.get(key.value())) : OptionalLong.empty();
        }

        @Override
        public boolean issuedAny(PrefixKey key) {
            return issued.containsKey(key.value()) || recorded.contains(key.value());
        }
    };
    private final RuleRegistrar registrar = new RuleRegistrar(
            registry,
            issuedValues,
            new RuleValidator(),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    private final PrefixKey order = new PrefixKey("ORDER");

    @Test
    void firstRegistrationCreatesVersionOneAndRecordsWhoAndWhen() {
        Registration created = registrar.register(order, rule("O-{seq}").build(), OptionalLong.empty(), "alice");
        assertThat(created.outcome()).isEqualTo(Registration.Outcome.CREATED);
        assertThat(created.rule().version()).isEqualTo(1);
        assertThat(registry.history(order))
                .containsExactly(new RuleChange(order, 0, 1, "alice", Instant.parse("2026-11-25T10:00:00Z")));
    }

    @Test
    void identicalRegistrationIsANoOp() {
        registrar.register(order, rule("O-{seq}").build(), OptionalLong.empty(), "alice");
        Registration again = registrar.register(
                order, rule("O-{seq}").strategy("segment").reset("never").build(), OptionalLong.empty(), "bob");
        assertThat(again.outcome()).isEqualTo(Registration.Outcome.UNCHANGED);
        assertThat(again.rule().version()).isEqualTo(1);
        assertThat(again.rule().changedBy()).isEqualTo("alice");
        assertThat(registry.history(order)).hasSize(1);
    }

    @Test
    void changedRegistrationBumpsTheVersion() {
        registrar.register(order, rule("O-{seq}").build(), OptionalLong.empty(), "alice");
        Registration changed = registrar.register(order, rule("ORD-{seq}").build(), OptionalLong.of(1), "bob");
        assertThat(changed.outcome()).isEqualTo(Registration.Outcome.UPDATED);
        assertThat(changed.rule().version()).isEqualTo(2);
        assertThat(registry.history(order)).extracting(RuleChange::changedBy).containsExactly("alice", "bob");
    }

    @Test
    void staleIfMatchVersionIsRefused() {
        registrar.register(order, rule("O-{seq}").build(), OptionalLong.empty(), "alice");
        assertThatThrownBy(() -> registrar.register(order, rule("X-{seq}").build(), OptionalLong.of(7), "bob"))
                .isInstanceOf(RuleVersionConflictException.class);
        assertThat(registry.find(order).orElseThrow().rule().format()).isEqualTo("O-{seq}");
    }

    @Test
    void loweringMaxValueBelowAnIssuedValueIsRefused() {
        registrar.register(order, rule("O-{seq}").maxValue(10_000L).build(), OptionalLong.empty(), "alice");
        issued.put("ORDER", 2_000L);
        assertThatThrownBy(() -> registrar.register(
                        order, rule("O-{seq}").maxValue(1_999L).build(), OptionalLong.empty(), "bob"))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("maxValue"));
        assertThat(registrar
                        .register(order, rule("O-{seq}").maxValue(2_000L).build(), OptionalLong.empty(), "bob")
                        .rule()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void changingResetOrVariablesAfterIssuingIsRefused() {
        registrar.register(order, rule("O-{yyyy}-{seq}").build(), OptionalLong.empty(), "alice");
        issued.put("ORDER", 1L);
        assertThatThrownBy(() -> registrar.register(
                        order, rule("O-{yyyy}-{seq}").reset("YEARLY").build(), OptionalLong.empty(), "bob"))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("reset"));
        RuleDefinition withVariable = rule("O-{yyyy}-{var:region}-{seq}")
                .variables(Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)))
                .build();
        assertThatThrownBy(() -> registrar.register(order, withVariable, OptionalLong.empty(), "bob"))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("variables"));
    }

    @Test
    void aRuleRecordedAsIssuingWithoutACountedValueKeepsItsStrategyAndVariables() {
        registrar.register(
                order, RuleDefinitions.rule("O-{seq}").strategy("SNOWFLAKE").build(), OptionalLong.empty(), "alice");
        recorded.add("ORDER");
        for (String other : new String[] {"SEGMENT", "GAPLESS"}) {
            assertThatThrownBy(() -> registrar.register(
                            order,
                            RuleDefinitions.rule("O-{seq}").strategy(other).build(),
                            OptionalLong.empty(),
                            "bob"))
                    .isInstanceOfSatisfying(
                            UnsafeRuleChangeException.class,
                            e -> assertThat(e.field()).isEqualTo("strategy"));
        }
        RuleDefinition withVariable = RuleDefinitions.rule("O-{var:region}-{seq}")
                .strategy("SNOWFLAKE")
                .variables(Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)))
                .build();
        assertThatThrownBy(() -> registrar.register(order, withVariable, OptionalLong.empty(), "bob"))
                .isInstanceOfSatisfying(
                        UnsafeRuleChangeException.class,
                        e -> assertThat(e.field()).isEqualTo("variables"));
        // No value was counted, so there is no maxValue to keep above; a safe change still goes through.
        assertThat(registrar
                        .register(
                                order,
                                RuleDefinitions.rule("ORD-{seq}")
                                        .strategy("SNOWFLAKE")
                                        .build(),
                                OptionalLong.empty(),
                                "bob")
                        .rule()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void beforeAnyNumberIsIssuedEverythingMayChange() {
        registrar.register(order, rule("O-{yyyy}-{seq}").maxValue(10_000L).build(), OptionalLong.empty(), "alice");
        Registration changed = registrar.register(
                order, rule("O-{yyyy}-{seq}").reset("YEARLY").maxValue(5L).build(), OptionalLong.empty(), "bob");
        assertThat(changed.rule().rule().reset()).isEqualTo(ResetPeriod.YEARLY);
        assertThat(changed.rule().rule().maxValue()).isEqualTo(5);
    }
}
