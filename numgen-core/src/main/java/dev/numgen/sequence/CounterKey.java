package dev.numgen.sequence;

/**
 * One counter of a rule: the prefix key plus a qualifier made of the reset bucket and the
 * variable values ({@code ""} for a rule that never resets and has no variables).
 */
public record CounterKey(String prefixKey, String qualifier) {

    /** The counter's identity in storage; distinct keys never share an id. */
    public String id() {
        return qualifier.isEmpty() ? prefixKey : prefixKey + '\u0000' + qualifier;
    }

    @Override
    public String toString() {
        return qualifier.isEmpty() ? prefixKey : prefixKey + "[" + qualifier + "]";
    }
}
