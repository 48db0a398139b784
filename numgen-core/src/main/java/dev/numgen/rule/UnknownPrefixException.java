package dev.numgen.rule;

/** No rule is registered under the prefix key. */
public final class UnknownPrefixException extends RuntimeException {

    private final String prefixKey;

    public UnknownPrefixException(String prefixKey) {
        super("no rule is registered for prefix key " + prefixKey);
        this.prefixKey = prefixKey;
    }

    public String prefixKey() {
        return prefixKey;
    }
}
