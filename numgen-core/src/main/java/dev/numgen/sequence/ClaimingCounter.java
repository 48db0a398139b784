package dev.numgen.sequence;

/** A GAPLESS counter: takes values for {@link GaplessClaim}s, each committed with what its claim records. */
public interface ClaimingCounter extends Counter {

    /**
     * Takes the claim's values in a committed transaction together with what the claim records, or takes none when its
     * {@link GaplessClaim#prepare} says so. The outcome is in the claim.
     *
     * @throws CounterExhaustedException when the values would pass the rule's maxValue; then nothing is taken
     * @throws SequenceUnavailableException when the transaction cannot commit; then nothing is taken
     */
    void take(GaplessClaim claim);
}
