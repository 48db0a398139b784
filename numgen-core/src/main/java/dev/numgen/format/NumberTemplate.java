package dev.numgen.format;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToIntFunction;

/** A parsed, valid format such as {@code ORD-{yyyy}{MM}{dd}-{seq:6}}; immutable and thread-safe. */
public final class NumberTemplate {

    private final String format;
    private final List<TemplatePart> parts;
    /**
     * Built on first use: most templates are never asked to read a number back. RE2/J, because variables match any
     * text and a backtracking matcher would try every way to share a caller's text among them.
     */
    private volatile Pattern shape;

    private final TemplateLayout layout;
    private final int sequenceWidth;
    private final List<String> variableNames;
    private final EnumSet<DateField> dateFields = EnumSet.noneOf(DateField.class);

    private NumberTemplate(String format, List<TemplatePart> parts) {
        this.format = format;
        this.parts = parts;
        this.layout = new TemplateLayout(parts);
        int width = 0;
        List<String> names = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Sequence sequence) {
                width = sequence.width();
            } else if (part instanceof TemplatePart.Variable variable) {
                names.add(variable.name());
            } else if (part instanceof TemplatePart.Date date) {
                dateFields.add(date.field());
            }
        }
        this.sequenceWidth = width;
        this.variableNames = List.copyOf(names);
    }

    /**
     * Whether every character of {@code text} may appear in a regular number: letters, digits and {@code -_./#:},
     * the alphabet of literals, which variable values share.
     */
    public static boolean isNumberText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!TemplateParser.isLiteral(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @throws TemplateSyntaxException naming the position of the first offending character */
    public static NumberTemplate parse(String format) {
        Objects.requireNonNull(format, "format");
        return new NumberTemplate(format, TemplateParser.parse(format));
    }

    public String format() {
        return format;
    }

    /** N of {@code {seq:N}}; 0 for a bare {@code {seq}}. */
    public int sequenceWidth() {
        return sequenceWidth;
    }

    /** In order of appearance; unmodifiable. */
    public List<String> variableNames() {
        return variableNames;
    }

    /** A fresh copy the caller may modify. */
    public Set<DateField> dateFields() {
        return EnumSet.copyOf(dateFields);
    }

    /**
     * Longest possible rendered length: literals + date parts + max(sequenceWidth, digits(maxSequence)) + each
     * variable's max length.
     *
     * @throws ArithmeticException if the sum overflows an int
     */
    public int maxRenderedLength(long maxSequence, ToIntFunction<String> variableMaxLength) {
        if (maxSequence < 0) {
            throw new IllegalArgumentException("maxSequence must not be negative: " + maxSequence);
        }
        Objects.requireNonNull(variableMaxLength, "variableMaxLength");
        int length = 0;
        for (TemplatePart part : parts) {
            int partLength;
            if (part instanceof TemplatePart.Literal literal) {
                partLength = literal.text().length();
            } else if (part instanceof TemplatePart.Date date) {
                partLength = date.field().width();
            } else if (part instanceof TemplatePart.Sequence sequence) {
                partLength = Math.max(sequence.width(), SequenceDigits.count(maxSequence));
            } else {
                String name = ((TemplatePart.Variable) part).name();
                partLength = variableMaxLength.applyAsInt(name);
                if (partLength < 0) {
                    throw new IllegalArgumentException("negative max length for variable '" + name + "'");
                }
            }
            length = Math.addExact(length, partLength);
        }
        return length;
    }

    /**
     * The sequence value a number of this template carries, or empty when the text is not a
     * number this template can render.
     */
    public OptionalLong sequenceOf(String number) {
        Matcher matcher = shape().matcher(number);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group("seq")));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Pattern shape() {
        Pattern known = shape;
        if (known == null) {
            StringBuilder regex = new StringBuilder();
            for (TemplatePart part : parts) {
                if (part instanceof TemplatePart.Literal literal) {
                    regex.append(Pattern.quote(literal.text()));
                } else if (part instanceof TemplatePart.Date date) {
                    regex.append("\\d{").append(date.field().width()).append('}');
                } else if (part instanceof TemplatePart.Sequence sequence) {
                    regex.append("(?P<seq>\\d{")
                            .append(Math.max(sequence.width(), 1))
                            .append(",19})");
                } else {
                    regex.append("(?:.*?)");
                }
            }
            known = Pattern.compile(regex.toString());
            shape = known;
        }
        return known;
    }

    /** A renderer for issue times in {@code zone}; keep one per rule, since each caches its current window. */
    public TemplateRenderer renderer(ZoneId zone) {
        return new TemplateRenderer(layout, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberTemplate template && format.equals(template.format);
    }

    @Override
    public int hashCode() {
        return format.hashCode();
    }

    @Override
    public String toString() {
        return format;
    }
}
