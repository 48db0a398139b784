package dev.numgen.issue.ignite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.issue.IdempotencyKeyBusyException;
import dev.numgen.issue.IdempotencyKeyReusedException;
import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.system.ignite.TestNodes;
import dev.numgen.system.ignite.TestNodes.ClusterLayout;
import dev.numgen.system.ignite.TestNodes.TestNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retry on another node finds what the first node answered. */
class IgniteIdempotencyStoreTest {

    @TempDir
    static Path workRoot;

    private static TestNode first;
    private static TestNode second;

    @BeforeAll
    static void startTwoNodes() {
        ClusterLayout layout = ClusterLayout.of(workRoot, 2);
        first = TestNodes.start(layout, 0, 2);
        second = TestNodes.start(layout, 1, 2);
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
    }

    @Test
    void aRetryOnAnotherNodeGetsTheSameNumbers() {
        IgniteIdempotencyStore onFirst = new IgniteIdempotencyStore(first.store());
        IgniteIdempotencyStore onSecond = new IgniteIdempotencyStore(second.store());
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
        IgniteIdempotencyStore onFirst = new IgniteIdempotencyStore(first.store());
        IgniteIdempotencyStore onSecond = new IgniteIdempotencyStore(second.store());
        assertThat(onFirst.claim("alice", "k2", "fp")).isEmpty();
        onFirst.release("alice", "k2");
        assertThat(onSecond.claim("alice", "k2", "fp")).isEmpty();
    }
}
