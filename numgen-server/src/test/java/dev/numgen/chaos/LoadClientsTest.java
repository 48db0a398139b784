package dev.numgen.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.server.testing.HttpReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The chaos runs' load clients: a client's failure fails the run instead of only lowering the load. */
class LoadClientsTest {

    private final AtomicLong counter = new AtomicLong();
    /** Counts requests down, so that a test closes the clients only once they made enough. */
    private CountDownLatch requests;

    @Test
    void aResponseTheLedgerRejectsFailsTheRunWithTheFirstFailure() throws InterruptedException {
        IssuedLedger ledger = new IssuedLedger();
        requests = new CountDownLatch(10);
        LoadClients clients = new LoadClients(ledger, 3, List.of("/good", "/lying"), path -> {
            pause();
            return path.equals("/lying") ? numbers("NORMAL", "PROVISIONAL") : numbers("NORMAL", "NORMAL");
        });
        assertThat(requests.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(clients::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 3 load clients failed")
                .hasMessageContaining("via lb /lying: body mode NORMAL but header PROVISIONAL");
        assertThat(ledger.size()).as("the others went on").isGreaterThan(1);
    }

    @Test
    void anExceptionInAClientFailsTheRun() throws InterruptedException {
        requests = new CountDownLatch(2);
        LoadClients clients = new LoadClients(new IssuedLedger(), 2, List.of("/numbers"), path -> {
            pause();
            return new HttpReply(200, Map.of("Numgen-Mode", List.of("NORMAL")), "not json");
        });
        assertThat(requests.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(clients::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 of 2 load clients failed");
    }

    @Test
    void requestsWithoutNumbersAreRecordedWithWhenTheyWereInFlight() throws InterruptedException {
        IssuedLedger ledger = new IssuedLedger();
        long start = System.currentTimeMillis();
        requests = new CountDownLatch(3);
        try (LoadClients clients = new LoadClients(ledger, 1, List.of("/down"), path -> {
            pause();
            return new HttpReply(503, Map.of(), "{\"type\":\"no-majority\"}");
        })) {
            assertThat(requests.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ledger.failures()).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.status()).isEqualTo(503);
            assertThat(failure.sentAt()).isGreaterThanOrEqualTo(start);
            assertThat(failure.answeredAt()).isGreaterThanOrEqualTo(failure.sentAt());
        });
    }

    private HttpReply numbers(String bodyMode, String headerMode) {
        return new HttpReply(
                200,
                Map.of("Numgen-Mode", List.of(headerMode)),
                "{\"numbers\":[\"N-" + counter.incrementAndGet() + "\"],\"mode\":\"" + bodyMode + "\"}");
    }

    private void pause() {
        requests.countDown();
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
