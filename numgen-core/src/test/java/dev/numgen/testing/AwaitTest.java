package dev.numgen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheFirstValueThatIsAccepted() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(Await.until("the third read", reads::incrementAndGet, value -> value >= 3))
                .isEqualTo(3);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aWaitPastItsDeadlineNamesWhatItAwaitedAndTheLastValueSeen() {
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(20), "the answer", () -> 41, value -> value == 42))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Waited 20 ms for the answer; last seen: 41");
        assertThatThrownBy(() -> Await.until(Duration.ofSeconds(0), "a condition", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Waited 0 s for a condition");
    }

    @Test
    void aSupplierThatThrowsEndsTheWaitAtOnce() {
        IllegalStateException broken = new IllegalStateException("broken");
        assertThatThrownBy(() -> Await.until("a broken supplier", () -> {
                    throw broken;
                }))
                .isSameAs(broken);
    }

    @Test
    void resultRethrowsWhatTheWorkFailedWith() {
        AssertionError failed = new AssertionError("inside the worker");
        assertThatThrownBy(() -> Await.result("the worker", CompletableFuture.failedFuture(failed)))
                .isSameAs(failed);
        assertThat(Await.result("a done future", CompletableFuture.completedFuture("done")))
                .isEqualTo("done");
    }

    @Test
    void resultCancelsWorkStillRunningAtTheDeadline() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> stuck = pool.submit(() -> {
                never.await();
                return null;
            });
            assertThatThrownBy(() -> Await.result(Duration.ofMillis(20), "stuck work", stuck))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Waited 20 ms for stuck work; it was still running");
            assertThat(stuck.isCancelled()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
