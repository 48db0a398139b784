package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxRenderedLengthTest {

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 65})
    void countsLiteralsDatePartsPaddedSequenceAndVariables(int expected) {
        // 1 + 7 + 1 + 10 = 19 fixed characters plus the variable
        NumberTemplate template = NumberTemplate.parse("{var:customer}-{yyyy}{DDD}-{seq:10}");
        int variableLength = expected - 19;

        int length = template.maxRenderedLength(9_999_999_999L, name -> variableLength);

        assertThat(length).isEqualTo(expected);
        String longest = template.renderer(ZoneOffset.UTC)
                .render(0L, 9_999_999_999L, Map.of("customer", "c".repeat(variableLength)));
        assertThat(longest).hasSize(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 65})
    void countsAllDigitsOfAMaxSequenceWiderThanTheWidth(int expected) {
        // Long.MAX_VALUE has 19 digits, more than the width of 3
        NumberTemplate template = NumberTemplate.parse("X".repeat(expected - 19) + "{seq:3}");

        assertThat(template.maxRenderedLength(Long.MAX_VALUE, name -> 0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 65})
    void countsWidthWhenMaxSequenceHasFewerDigits(int expected) {
        NumberTemplate template = NumberTemplate.parse("{yy}{MM}{dd}{HH}" + "Z".repeat(expected - 8 - 18) + "{seq:18}");

        assertThat(template.maxRenderedLength(5, name -> 0)).isEqualTo(expected);
    }

    @Test
    void countsDigitsOfMaxSequenceForBareSequence() {
        NumberTemplate template = NumberTemplate.parse("A{seq}");

        assertThat(template.maxRenderedLength(0, name -> 0)).isEqualTo(2);
        assertThat(template.maxRenderedLength(999, name -> 0)).isEqualTo(4);
        assertThat(template.maxRenderedLength(1000, name -> 0)).isEqualTo(5);
    }

    @Test
    void asksForEachVariableByName() {
        NumberTemplate template = NumberTemplate.parse("{var:a}{seq:2}{var:bb}");
        Map<String, Integer> maxLengths = Map.of("a", 3, "bb", 10);

        assertThat(template.maxRenderedLength(99, maxLengths::get)).isEqualTo(15);
    }

    @Test
    void rejectsNegativeMaxSequence() {
        NumberTemplate template = NumberTemplate.parse("{seq}");

        assertThatThrownBy(() -> template.maxRenderedLength(-1, name -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
