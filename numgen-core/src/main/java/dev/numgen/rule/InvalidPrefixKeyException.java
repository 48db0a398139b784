package dev.numgen.rule;

/** A prefix key that does not have the shape of one; nothing was looked up or changed. */
public final class InvalidPrefixKeyException extends RuntimeException {

    public InvalidPrefixKeyException(String reason) {
        super(reason);
    }
}
