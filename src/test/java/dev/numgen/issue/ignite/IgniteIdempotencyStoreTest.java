package dev.numgen.issue.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.system.ignite.TwoNodeCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retry on another node finds what the first node answered. */
class IgniteIdempotencyStoreTest {

    @RegisterExtension
    static final TwoNodeCluster cluster = new TwoNodeCluster();

    @Test
    void aRetryOnAnotherNodeGetsTheSameNumbers() {
        IgniteIdempotencyStore onFirst =
                new IgniteIdempotencyStore(cluster.first().store());
        IgniteIdempotencyStore onSecond =
                new IgniteIdempotencyStore(cluster.second().store());
        IssuedNumbers issued = new IssuedNumbers("ORDER", List.of("O-1", "O-2"), IssueMode.NORMAL);

        assertThat(onFirst.claim("alice", "k1", "fp")).isEmpty();
        assertThatThrownBy(() -> onSecond.claim("alice", "k1", "fp")).isInstanceOf(IdempotencyKeyBusyException.class);
        onFirst.complete("alice", "k1", "fp", issued);

        assertThat(onSecond.claim("alice", "k1", "fp")).contains(issued);
        assertThatThrownBy(() -> onSecond.claim("alice", "k1", "other"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(onSecond.claim("bob", "k1", "fp")).isEmpty();
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        IgniteIdempotencyStore onFirst =
                new IgniteIdempotencyStore(cluster.first().store());
        IgniteIdempotencyStore onSecond =
                new IgniteIdempotencyStore(cluster.second().store());
        assertThat(onFirst.claim("alice", "k2", "fp")).isEmpty();
        onFirst.release("alice", "k2");
        assertThat(onSecond.claim("alice", "k2", "fp")).isEmpty();
    }
}
