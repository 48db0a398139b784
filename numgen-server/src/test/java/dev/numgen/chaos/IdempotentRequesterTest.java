package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.server.testing.HttpReply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos runs' retrying client: the same key until answered, a retried key replayed, and what fails the client. */
class IdempotentRequesterTest {

    private static final String PATH = "/api/numbers?prefixKey=G&count=1";

    private final IssuedLedger ledger = new IssuedLedger();
    private final AnsweredKeys keys = new AnsweredKeys();
    private final List<String> sentKeys = new ArrayList<>();
    private final Deque<HttpReply> replies = new ArrayDeque<>();
    private final List<Duration> timeouts = new ArrayList<>();

    @Test
    void aKeyIsRetriedUntilAnsweredAndThenAskedOnceMore() throws InterruptedException {
        replies.add(new HttpReply(-1, Map.of(), "timed out"));
        replies.add(problem(503, "no-majority"));
        replies.add(problem(409, "idempotency-key-busy"));
        replies.add(numbers("G-1"));
        replies.add(numbers("G-1"));

        String key = requester(Duration.ofMinutes(1)).issue(PATH);

        assertThat(sentKeys).hasSize(5).containsOnly(key);
        assertThat(keys.numbersByKey()).isEqualTo(Map.of(key, List.of("G-1")));
        assertThat(keys.retried())
                .singleElement()
                .satisfies(answer -> assertThat(answer.failedAttempts()).isEqualTo(3));
        assertThat(keys.replays()).isOne();
        assertThat(keys.conflicts()).isEmpty();
        assertThat(ledger.failures()).hasSize(3);
        assertThat(ledger.duplicates()).as("a replay is not a second issue").isEmpty();
    }

    @Test
    void aKeyAnsweredAtOnceIsNotReplayed() throws InterruptedException {
        replies.add(numbers("G-1", "G-2"));

        String key = requester(Duration.ofMinutes(1)).issue(PATH);

        assertThat(sentKeys).containsExactly(key);
        assertThat(keys.retried()).isEmpty();
        assertThat(keys.replays()).isZero();
    }

    @Test
    void anImpatientClientWaitsTwiceAsLongOnEachRetryUpToTheHarnessTimeoutAndReplaysImpatientlyAgain()
            throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            replies.add(new HttpReply(-1, Map.of(), "HttpTimeoutException"));
        }
        replies.add(numbers("G-1"));
        replies.add(numbers("G-1"));

        requester(Duration.ofMinutes(1), Duration.ofSeconds(4)).issue(PATH);

        assertThat(timeouts)
                .containsExactly(
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        ClusterHarness.REQUEST_TIMEOUT,
                        Duration.ofSeconds(4));
    }

    @Test
    void aReplayAnsweredWithOtherNumbersIsAConflict() throws InterruptedException {
        replies.add(new HttpReply(502, Map.of(), "<html>bad gateway</html>"));
        replies.add(numbers("G-1"));
        replies.add(numbers("G-2"));

        String key = requester(Duration.ofMinutes(1)).issue(PATH);

        assertThat(keys.conflicts()).singleElement().asString().contains(key, "[G-1], then [G-2]");
    }

    @Test
    void anAnswerThatIsNoReasonToRetryFailsTheClient() {
        replies.add(problem(409, "counter-exhausted"));

        assertThatThrownBy(() -> requester(Duration.ofMinutes(1)).issue(PATH))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refused after 0 failed attempts: 409");
        assertThat(keys.size()).isZero();
    }

    @Test
    void aKeyNotAnsweredBeforeTheDeadlineFailsTheClient() {
        for (int i = 0; i < 100; i++) {
            replies.add(problem(503, "no-majority"));
        }

        assertThatThrownBy(() -> requester(Duration.ofMillis(300)).issue(PATH))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not answered within PT0.3S");
        assertThat(sentKeys).hasSizeGreaterThan(1).containsOnly(sentKeys.get(0));
    }

    private IdempotentRequester requester(Duration giveUpAfter) {
        return requester(giveUpAfter, ClusterHarness.REQUEST_TIMEOUT);
    }

    private IdempotentRequester requester(Duration giveUpAfter, Duration firstTimeout) {
        return new IdempotentRequester(ledger, keys, giveUpAfter, firstTimeout, "test", (path, key, timeout) -> {
            assertThat(path).isEqualTo(PATH);
            sentKeys.add(key);
            timeouts.add(timeout);
            return replies.remove();
        });
    }

    private static HttpReply numbers(String... numbers) {
        return new HttpReply(
                200,
                Map.of("Numgen-Mode", List.of("NORMAL")),
                "{\"numbers\":[\"" + String.join("\",\"", numbers) + "\"],\"mode\":\"NORMAL\"}");
    }

    private static HttpReply problem(int status, String slug) {
        return new HttpReply(status, Map.of(), "{\"type\":\"/problems/" + slug + "\",\"status\":" + status + "}");
    }
}
