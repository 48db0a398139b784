package dev.numgen.format;

/** One element of a parsed format, in source order. */
sealed interface TemplatePart {

    record Literal(String text) implements TemplatePart {}

    record Date(DateField field) implements TemplatePart {}

    /** {@code width} 0 means no padding. */
    record Sequence(int width) implements TemplatePart {}

    record Variable(String name) implements TemplatePart {}
}
