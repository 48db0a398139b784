package dev.numgen.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    private final RuleValidator validator = new RuleValidator();
    private final PrefixKey key = new PrefixKey("ORDER");

    private static RuleDefinition format(String format) {
        return RuleDefinitions.rule(format).build();
    }

    @Test
    void onlyFormatIsRequiredAndDefaultsApply() {
        PrefixRule rule = validator.validate(key, format("ORD-{yyyy}{MM}{dd}-{seq:6}"));
        assertThat(rule.strategy()).isEqualTo(Strategy.SEGMENT);
        assertThat(rule.reset()).isEqualTo(ResetPeriod.NEVER);
        assertThat(rule.start()).isEqualTo(1);
        assertThat(rule.step()).isEqualTo(1);
        assertThat(rule.maxValue()).isEqualTo(999_999);
        assertThat(rule.reserveSize()).isEqualTo(1000);
        assertThat(rule.timeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void bareSeqDefaultsMaxValueToLongMax() {
        assertThat(validator.validate(key, format("T{seq}")).maxValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void missingFormatIsRejected() {
        assertThatThrownBy(() -> validator.validate(key, format(null)))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("format"));
    }

    @Test
    void formatFaultCarriesItsPosition() {
        assertThatThrownBy(() -> validator.validate(key, format("ORD {seq}")))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("format");
                    assertThat(e.position()).isEqualTo(3);
                });
    }

    @Test
    void maxValueMustFitTheSequenceWidth() {
        RuleDefinition tooBig = RuleDefinitions.rule("A{seq:3}").maxValue(1000L).build();
        assertThatThrownBy(() -> validator.validate(key, tooBig))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("maxValue"));
        RuleDefinition fits = RuleDefinitions.rule("A{seq:3}").maxValue(999L).build();
        assertThat(validator.validate(key, fits).maxValue()).isEqualTo(999);
    }

    @Test
    void resetPeriodTheFormatCannotShowIsRefused() {
        RuleDefinition daily =
                RuleDefinitions.rule("ORD-{yyyy}{MM}-{seq}").reset("DAILY").build();
        assertThatThrownBy(() -> validator.validate(key, daily)).isInstanceOf(UnsafeRuleChangeException.class);
        RuleDefinition yearly =
                RuleDefinitions.rule("INV-{MM}-{seq}").reset("YEARLY").build();
        assertThatThrownBy(() -> validator.validate(key, yearly)).isInstanceOf(UnsafeRuleChangeException.class);
        RuleDefinition shown =
                RuleDefinitions.rule("INV-{yyyy}-{seq:5}").reset("YEARLY").build();
        assertThat(validator.validate(key, shown).reset()).isEqualTo(ResetPeriod.YEARLY);
    }

    @Test
    void renderedLengthBoundIs64() {
        // "X" * 57 + "-" + {seq:6}: 64 characters at most.
        String sixtyFour = "X".repeat(57) + "-{seq:6}";
        assertThat(validator.validate(key, format(sixtyFour)).format()).isEqualTo(sixtyFour);
        String sixtyThree = "X".repeat(56) + "-{seq:6}";
        assertThat(validator.validate(key, format(sixtyThree)).format()).isEqualTo(sixtyThree);
        String sixtyFive = "X".repeat(58) + "-{seq:6}";
        assertThatThrownBy(() -> validator.validate(key, format(sixtyFive)))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class,
                        e -> assertThat(e.getMessage()).contains("65"));
    }

    @Test
    void variableLengthsCountTowardsTheBound() {
        Map<String, VariableSpec> region = Map.of("region", new VariableSpec("[A-Z]{2}", true, 2));
        RuleDefinition fits = RuleDefinitions.rule("X".repeat(55) + "{var:region}-{seq:6}")
                .variables(region)
                .build();
        assertThat(validator.validate(key, fits).variables()).containsKey("region");
        Map<String, VariableSpec> longer = Map.of("region", new VariableSpec("[A-Z]+", true, 3));
        RuleDefinition tooLong = RuleDefinitions.rule("X".repeat(55) + "{var:region}-{seq:6}")
                .variables(longer)
                .build();
        assertThatThrownBy(() -> validator.validate(key, tooLong)).isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void variablesMustBeDeclaredAndUsed() {
        RuleDefinition undeclared = format("O-{var:region}-{seq}");
        assertThatThrownBy(() -> validator.validate(key, undeclared))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("variables"));
        RuleDefinition unused = RuleDefinitions.rule("O-{seq}")
                .variables(Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)))
                .build();
        assertThatThrownBy(() -> validator.validate(key, unused)).isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void badPatternZoneStrategyAndNumbersAreRejectedWithTheirField() {
        assertThatThrownBy(() -> validator.validate(key, withVariable("region", "[A-Z")))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("variables"));
        assertField(RuleDefinitions.rule("A{seq}").timeZone("Mars/Base").build(), "timeZone");
        assertField(RuleDefinitions.rule("A{seq}").strategy("ROUND_ROBIN").build(), "strategy");
        assertField(RuleDefinitions.rule("A{seq}").reset("HOURLY").build(), "reset");
        assertField(RuleDefinitions.rule("A{seq}").start(-1L).build(), "start");
        assertField(RuleDefinitions.rule("A{seq}").step(0L).build(), "step");
        assertField(RuleDefinitions.rule("A{seq}").start(10L).maxValue(5L).build(), "maxValue");
        assertField(RuleDefinitions.rule("A{seq}").reserveSize(0).build(), "reserveSize");
        assertField(RuleDefinitions.rule("A{seq}").reserveSize(2_000_000).build(), "reserveSize");
    }

    @Test
    void patternsLongerThan256CharactersAreRefusedNamingTheVariable() {
        String longest = "[A-Z]" + "x?".repeat(123) + "[A-Z]";
        assertThat(longest).hasSize(256);
        assertThat(validator.validate(key, withVariable("region", longest)).variables())
                .containsKey("region");
        assertThatThrownBy(() -> validator.validate(key, withVariable("region", longest + "?")))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("variables");
                    assertThat(e.getMessage()).contains("region", "257", "256");
                });
    }

    @Test
    void patternsThatNeedBacktrackingAreRefusedNamingTheVariable() {
        for (String pattern : List.of("([A-Z])\\1", "(?=A)[A-Z]", "(?<!B)A", "[A-Z]++")) {
            assertThatThrownBy(() -> validator.validate(key, withVariable("region", pattern)))
                    .as(pattern)
                    .isInstanceOfSatisfying(InvalidRuleException.class, e -> {
                        assertThat(e.field()).isEqualTo("variables");
                        assertThat(e.getMessage()).contains("region", "back-references");
                    });
        }
    }

    /** RE2/J compiles {@code x{n}} to n copies of x: nested counts would fill the heap with one short pattern. */
    @Test
    void nestedCountedRepetitionsThatExpandTooFarAreRefused() {
        for (String pattern : List.of("((a{1000}){1000}){1000}", "(a{64}){64}", "((a{11}){10}){10}", "(a|b{500}){3}")) {
            assertThatThrownBy(() -> validator.validate(key, withVariable("region", pattern)))
                    .as(pattern)
                    .isInstanceOfSatisfying(InvalidRuleException.class, e -> {
                        assertThat(e.field()).isEqualTo("variables");
                        assertThat(e.getMessage()).contains("region", "repeats too much");
                    });
        }
        for (String pattern : List.of(
                "[A-Z]{2}",
                "[0-9]{4}-[0-9]{2}-[0-9]{2}",
                "([A-Z]{2}-){3}[0-9]{1,8}",
                "((a{10}){10}){8}",
                "\\x{41}{2}",
                "\\p{Lu}{2}",
                "\\Q{1000}\\E",
                "[]{]{5}",
                "(?i)[a-z]{1,16}",
                "a{,1000}")) {
            assertThat(validator.validate(key, withVariable("region", pattern)).variables())
                    .as(pattern)
                    .containsKey("region");
        }
    }

    @Test
    void prefixKeyShapeIsChecked() {
        assertThat(new PrefixKey("A.b-c_9").value()).isEqualTo("A.b-c_9");
        assertThatThrownBy(() -> new PrefixKey("-A")).isInstanceOf(InvalidPrefixKeyException.class);
        assertThatThrownBy(() -> new PrefixKey("A".repeat(65))).isInstanceOf(InvalidPrefixKeyException.class);
        assertThat(new PrefixKey("A".repeat(64)).value()).hasSize(64);
    }

    private static RuleDefinition withVariable(String name, String pattern) {
        return RuleDefinitions.rule("A-{var:" + name + "}-{seq:6}")
                .variable(name, pattern)
                .build();
    }

    private void assertField(RuleDefinition definition, String field) {
        assertThatThrownBy(() -> validator.validate(key, definition))
                .isInstanceOfSatisfying(
                        InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
