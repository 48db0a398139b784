package dev.numgen.issue;

/**
 * What a GAPLESS take finds for an Idempotency-Key inside its transaction: nothing yet, the numbers the same request
 * received, a claim still being answered, or a record of other parameters. A lookup refuses nothing itself: {@link
 * IdempotentIssuer} turns the last two into their problems once the take is over.
 *
 * @param answer the numbers, when {@code state} is {@link State#ANSWERED}; else null
 */
public record KeyLookup(KeyLookup.State state, IssuedNumbers answer) {

    public static final KeyLookup FREE = new KeyLookup(State.FREE, null);
    public static final KeyLookup PENDING = new KeyLookup(State.PENDING, null);
    public static final KeyLookup OTHER_PARAMETERS = new KeyLookup(State.OTHER_PARAMETERS, null);

    public enum State {
        FREE,
        ANSWERED,
        PENDING,
        OTHER_PARAMETERS
    }

    public static KeyLookup answered(IssuedNumbers answer) {
        return new KeyLookup(State.ANSWERED, answer);
    }
}
