package dev.numgen.issue;

/** A void was refused: the number is not a GAPLESS number this service issued, or is voided already. */
public final class VoidRefusedException extends RuntimeException {

    public VoidRefusedException(String reason) {
        super(reason);
    }
}
