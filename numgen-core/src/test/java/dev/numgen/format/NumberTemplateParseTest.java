package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTemplateParseTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ORD-{yyyy}{MM}{dd}-{seq:6}",
                "{seq}",
                "{yy}{DDD}{HH}{seq:18}",
                "INV_{yyyy}.{MM}/{var:region}#{seq:1}:{dd}",
                "{var:a}{seq}{var:B_2}",
                "a-b_c.d/e#f:g{seq:12}",
                "{seq:9}{yyyy}{yyyy}"
            })
    void acceptsLegalFormats(String format) {
        NumberTemplate template = NumberTemplate.parse(format);

        assertThat(template.format()).isEqualTo(format);
        assertThat(template).hasToString(format);
    }

    @Test
    void exposesWidthVariablesAndDateFields() {
        NumberTemplate template = NumberTemplate.parse("{var:zone}-{yy}{DDD}{HH}-{var:desk}-{seq:7}");

        assertThat(template.sequenceWidth()).isEqualTo(7);
        assertThat(template.variableNames()).containsExactly("zone", "desk");
        assertThat(template.dateFields())
                .containsExactlyInAnyOrder(DateField.YEAR_OF_CENTURY, DateField.DAY_OF_YEAR, DateField.HOUR);
    }

    @Test
    void recognisesEveryDatePlaceholder() {
        NumberTemplate template = NumberTemplate.parse("{yyyy}{yy}{MM}{dd}{HH}{DDD}{seq}");

        assertThat(template.dateFields()).isEqualTo(EnumSet.allOf(DateField.class));
        assertThat(template.sequenceWidth()).isZero();
        assertThat(template.variableNames()).isEmpty();
    }

    @Test
    void dateFieldsIsACopyTheCallerCannotUseToChangeTheTemplate() {
        NumberTemplate template = NumberTemplate.parse("{yyyy}{seq}");

        template.dateFields().add(DateField.HOUR);

        assertThat(template.dateFields()).containsExactly(DateField.YEAR);
    }

    @Test
    void equalsAndHashCodeFollowTheFormatText() {
        NumberTemplate first = NumberTemplate.parse("A{seq:3}");

        assertThat(first)
                .isEqualTo(NumberTemplate.parse("A{seq:3}"))
                .hasSameHashCodeAs(NumberTemplate.parse("A{seq:3}"));
        assertThat(first).isNotEqualTo(NumberTemplate.parse("A{seq:4}"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "ORD {seq}"              | character ' ' is not allowed in literal text       | 3
            ORD-{yyy}-{seq}          | unknown placeholder {yyy}                          | 4
            {SEQ}                    | unknown placeholder {SEQ}                          | 0
            ORD-{yyyy-{seq}          | unclosed '{'                                       | 4
            ORD-{seq:6}-{yyyy        | unclosed '{'                                       | 12
            ORD}-{seq}               | unmatched '}'                                      | 3
            ORD-{yyyy}               | format needs exactly one {seq}                     | 10
            {seq}-{seq}              | second {seq}                                       | 6
            A{seq:0}                 | {seq:N} width must be 1..18                        | 6
            A{seq:19}                | {seq:N} width must be 1..18                        | 6
            A{seq:x}                 | {seq:N} width must be 1..18                        | 6
            A{seq:}                  | {seq:N} width must be 1..18                        | 6
            A{seq:06}                | {seq:N} width must be 1..18                        | 6
            {seq}{var:}              | variable name must not be empty                    | 10
            {seq}{var:9a}            | variable name must start with a letter             | 10
            {seq}{var:ab-c}          | character '-' is not allowed in a variable name    | 12
            {var:a}{seq}{var:a}      | second {var:a}                                     | 12
            ""                       | format must not be empty                           | 0
            Bé{seq}                  | character 'é' is not allowed in literal text       | 1
            """)
    void rejectsIllegalFormatAtTheOffendingPosition(String format, String reason, int position) {
        TemplateSyntaxException error =
                catchThrowableOfType(TemplateSyntaxException.class, () -> NumberTemplate.parse(format));

        assertThat(error).isNotNull();
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error).hasMessage(reason + " at position " + position);
    }

    @Test
    void rejectsControlCharacterNamingItsCodePoint() {
        assertThatThrownBy(() -> NumberTemplate.parse("A\t{seq}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessage("character U+0009 is not allowed in literal text at position 1");
    }

    @Test
    void rejectsVariableNameLongerThan32CharactersAtItsThirtyThirdCharacter() {
        String name32 = "v" + "x".repeat(31);

        assertThat(NumberTemplate.parse("{seq}{var:" + name32 + "}").variableNames())
                .containsExactly(name32);
        assertThatThrownBy(() -> NumberTemplate.parse("{seq}{var:" + name32 + "y}"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, error -> {
                    assertThat(error.position()).isEqualTo(10 + 32);
                    assertThat(error.reason()).isEqualTo("variable name longer than 32 characters");
                });
    }

    @Test
    void syntaxErrorIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> NumberTemplate.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {127, 128})
    void acceptsFormatsUpTo128Characters(int length) {
        String format = "{seq:6}" + "A".repeat(length - 7);

        assertThat(NumberTemplate.parse(format).format()).hasSize(length);
    }

    @Test
    void rejectsFormatOf129CharactersAtPosition128() {
        String format = "{seq:6}" + "A".repeat(129 - 7);

        assertThatThrownBy(() -> NumberTemplate.parse(format))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, error -> {
                    assertThat(error.position()).isEqualTo(128);
                    assertThat(error.reason()).isEqualTo("format longer than 128 characters");
                });
    }
}
