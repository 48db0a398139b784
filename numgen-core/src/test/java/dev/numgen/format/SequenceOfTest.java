package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SequenceOfTest {

    @Test
    void readsTheSequenceBackFromARenderedNumber() {
        NumberTemplate template = NumberTemplate.parse("INV-{yyyy}{MM}-{var:region}-{seq:5}.x");
        assertThat(template.sequenceOf("INV-202611-EU-00042.x")).hasValue(42);
        assertThat(template.sequenceOf("INV-202611-EU-123456.x")).hasValue(123456);
        assertThat(template.sequenceOf("INV-2026-EU-00042.x")).isEmpty();
        assertThat(template.sequenceOf("INV-202611-EU-0042.x")).isEmpty();
        assertThat(template.sequenceOf("INV-202611-EU-00042")).isEmpty();
        assertThat(NumberTemplate.parse("T{seq}").sequenceOf("T7")).hasValue(7);
        assertThat(NumberTemplate.parse("T{seq}").sequenceOf("T99999999999999999999"))
                .isEmpty();
    }

    /**
     * Each variable may be any text, so a backtracking matcher tries every way to split the number among them: with five
     * variables a 200-character path to the void endpoint ran for minutes. The deadline only turns a hang into a
     * failure.
     */
    @Test
    void readingANumberBackTakesLinearTimeWhateverTheVariables() {
        NumberTemplate template = NumberTemplate.parse("{var:a}{var:b}{var:c}{var:d}{var:e}-{seq:2}");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(template.sequenceOf("x".repeat(4000))).isEmpty();
            assertThat(template.sequenceOf("a-b-c-d-e-x".repeat(400))).isEmpty();
            assertThat(template.sequenceOf("ab-c-07")).hasValue(7);
        });
    }
}
