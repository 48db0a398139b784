package dev.numgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuedNumbersTest {

    @Test
    void findsEveryNumberIssuedTwiceAndNothingElse() {
        IssuedNumbers issued = new IssuedNumbers();
        for (int i = 0; i < 5_000; i++) {
            issued.add(String.format("LS-%012d", i));
        }
        issued.add("LS-000000000042");
        issued.add("LS-42"); // another width: another number
        issued.add("LG-000000000042");
        issued.add("P-abc");
        issued.add("P-abc");

        assertThat(issued.duplicates()).containsExactlyInAnyOrder("LS-000000000042", "P-abc");
        assertThat(issued.count()).isEqualTo(5_005);
    }
}
