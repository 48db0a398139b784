package dev.numgen.issue;

import dev.numgen.format.NumberTemplate;
import dev.numgen.format.TemplateRenderer;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.ResetPeriod;
import dev.numgen.rule.VariablePattern;
import dev.numgen.rule.VariableSpec;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.SequenceStrategy;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A registered rule made ready to issue: template parsed, patterns compiled, once per version. */
final class CompiledRule {

    private final RegisteredRule registered;
    private final TemplateRenderer renderer;
    private final ResetCalendar calendar;
    private final Map<String, VariablePattern> patterns = new HashMap<>();
    private final SequenceStrategy sequence;
    private final CounterKey fixedKey;
    /** The one counter of a rule without reset and variables, looked up once. */
    private final Counter fixedCounter;

    CompiledRule(RegisteredRule registered, SequenceStrategy sequence) {
        this.registered = registered;
        PrefixRule rule = registered.rule();
        this.renderer = NumberTemplate.parse(rule.format()).renderer(rule.timeZone());
        this.calendar = new ResetCalendar(rule.reset(), rule.timeZone());
        rule.variables().forEach((name, spec) -> patterns.put(name, VariablePattern.compile(name, spec.pattern())));
        this.sequence = sequence;
        this.fixedKey = new CounterKey(rule.key().value(), "");
        this.fixedCounter =
                rule.reset() == ResetPeriod.NEVER && rule.variables().isEmpty() ? sequence.counter(fixedKey) : null;
    }

    long version() {
        return registered.version();
    }

    PrefixRule rule() {
        return registered.rule();
    }

    /** The caller's variables, checked against the rule; absent optional ones become "". */
    Map<String, String> checkVariables(Map<String, String> supplied) {
        Map<String, VariableSpec> declared = rule().variables();
        if (declared.isEmpty()) {
            if (!supplied.isEmpty()) {
                String unknown = supplied.keySet().iterator().next();
                throw new InvalidIssueRequestException(unknown, "rule " + rule().key() + " has no variable " + unknown);
            }
            return Map.of();
        }
        for (String name : supplied.keySet()) {
            if (!declared.containsKey(name)) {
                throw new InvalidIssueRequestException(name, "rule " + rule().key() + " has no variable " + name);
            }
        }
        Map<String, String> checked = new TreeMap<>();
        declared.forEach((name, spec) -> checked.put(name, checkVariable(name, spec, supplied.get(name))));
        return checked;
    }

    private String checkVariable(String name, VariableSpec spec, String value) {
        if (value == null || value.isEmpty()) {
            if (spec.required()) {
                throw new InvalidIssueRequestException(name, "variable " + name + " is required");
            }
            return "";
        }
        if (value.length() > spec.maxLength()) {
            throw new InvalidIssueRequestException(
                    name, "variable " + name + " is longer than " + spec.maxLength() + " characters");
        }
        if (!NumberTemplate.isNumberText(value)) {
            throw new InvalidIssueRequestException(
                    name, "variable " + name + " may contain only letters, digits and -_./#:");
        }
        if (!patterns.get(name).matches(value)) {
            throw new InvalidIssueRequestException(
                    name, "variable " + name + " does not match the pattern " + spec.pattern());
        }
        return value;
    }

    /** The counter for this instant and these (checked) variables. */
    Counter counter(long epochMilli, Map<String, String> variables) {
        return fixedCounter != null ? fixedCounter : sequence.counter(counterKey(epochMilli, variables));
    }

    private CounterKey counterKey(long epochMilli, Map<String, String> variables) {
        String bucket = calendar.bucket(epochMilli);
        if (variables.isEmpty()) {
            return bucket.isEmpty() ? fixedKey : new CounterKey(fixedKey.prefixKey(), bucket);
        }
        // Length-prefixed values, so no choice of values can make two counters share an id.
        StringBuilder qualifier = new StringBuilder(bucket);
        variables.forEach((name, value) -> qualifier
                .append('|')
                .append(name)
                .append('=')
                .append(value.length())
                .append(':')
                .append(value));
        return new CounterKey(fixedKey.prefixKey(), qualifier.toString());
    }

    String render(long epochMilli, long value, Map<String, String> variables) {
        return renderer.render(epochMilli, value, variables);
    }

    /** The number with {@code sequenceText} where the sequence would be. */
    String renderProvisional(long epochMilli, String sequenceText, Map<String, String> variables) {
        return renderer.renderWithSequenceText(epochMilli, sequenceText, variables);
    }
}
