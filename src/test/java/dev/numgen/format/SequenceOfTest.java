package dev.numgen.format;

import static org.assertj.core.api.Assertions.assertThat;

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
}
