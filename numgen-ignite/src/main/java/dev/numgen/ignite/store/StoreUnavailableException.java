package dev.numgen.ignite.store;

/** The cluster could not be reached or is not in a state to answer (inactive, stopping). */
public final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String reason) {
        super(reason);
    }

    StoreUnavailableException(RuntimeException cause) {
        super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
