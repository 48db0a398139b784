package dev.numgen.ignite.cluster;

/** A baseline change that would not be safe now; nothing was changed. */
public final class BaselineChangeRefusedException extends RuntimeException {

    BaselineChangeRefusedException(String message) {
        super(message);
    }
}
