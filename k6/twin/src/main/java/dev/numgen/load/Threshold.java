package dev.numgen.load;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One k6 threshold expression on a metric, such as {@code p(95)<100} on {@code http_req_duration}: an aggregation
 * ({@code avg, min, med, max, p(N)} of a trend, {@code rate} of a rate, {@code count} or {@code rate} of a counter,
 * {@code value} of a gauge), an operator and a number. It holds when the aggregation over the whole run satisfies the
 * comparison. Unlike k6, a threshold on a metric that received no sample fails: a run that measured nothing has shown
 * nothing.
 */
record Threshold(String metric, String expression, String aggregation, String operator, double bound) {

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(avg|min|med|max|count|rate|value|p\\(\\d+(?:\\.\\d+)?\\))\\s*"
                    + "(<=|>=|===|==|!==|!=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    /** The evaluation: the aggregated value (empty when the metric has no sample) and whether it passes. */
    record Outcome(Threshold threshold, OptionalDouble actual, boolean passed) {

        String describe() {
            String value = actual.isPresent() ? String.format(Locale.ROOT, "%.4f", actual.getAsDouble()) : "no samples";
            return threshold.metric() + " " + threshold.expression() + " (was " + value + ")";
        }
    }

    static Threshold parse(String metric, String expression) {
        Matcher matcher = SYNTAX.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("threshold " + metric + ": \"" + expression + "\" is not k6 syntax");
        }
        return new Threshold(
                metric, expression.trim(), matcher.group(1), matcher.group(2), Double.parseDouble(matcher.group(3)));
    }

    /** The percentile of a {@code p(N)} aggregation. */
    double percentile() {
        return Double.parseDouble(aggregation.substring(2, aggregation.length() - 1));
    }

    Outcome evaluate(Metrics.Metric metric) {
        OptionalDouble actual = metric.aggregate(this);
        return new Outcome(this, actual, actual.isPresent() && holds(actual.getAsDouble()));
    }

    boolean holds(double actual) {
        return switch (operator) {
            case "<" -> actual < bound;
            case "<=" -> actual <= bound;
            case ">" -> actual > bound;
            case ">=" -> actual >= bound;
            case "==", "===" -> actual == bound;
            case "!=", "!==" -> actual != bound;
            default -> throw new IllegalStateException(operator);
        };
    }
}
