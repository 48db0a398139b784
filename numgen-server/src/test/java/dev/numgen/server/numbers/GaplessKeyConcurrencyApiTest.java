package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.sequence.GaplessStore;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.server.testing.TestNames;
import dev.numgen.testing.Await;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Requests with one Idempotency-Key on a GAPLESS rule that run at the same time get the same numbers, and the register
 * holds one record for them: the key's result commits in the transaction that takes the numbers, and a request whose
 * key is being answered waits for that transaction and replays it. Requests that queue behind a running transaction
 * are served together by the next one, so the test holds a transaction of the counter and queues both behind it.
 */
@LocalNodeTest
@DirtiesContext
class GaplessKeyConcurrencyApiTest {

    private static final TestNames NAMES = TestNames.of(GaplessKeyConcurrencyApiTest.class);

    /** The real GAPLESS store, except that the first take of {@link #HELD_PREFIX} waits for the test. */
    @TestConfiguration
    static class HeldTake {
        static final String HELD_PREFIX = NAMES.key("HELD");
        static final CountDownLatch taking = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        @Bean
        @Primary
        GaplessStore heldGaplessStore(@Qualifier("gaplessStore") GaplessStore real) {
            return (key, claims, next) -> {
                if (key.prefixKey().equals(HELD_PREFIX) && taking.getCount() > 0) {
                    taking.countDown();
                    Await.opened("the test to release the held take", release);
                }
                real.take(key, claims, next);
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    private ApiClient api;
    private String generator;
    private String auditor;
    private ExecutorService clients;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        auditor = DevIssuerClient.token(issuer.port(), "prefix-configs:read");
        clients = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
    }

    @Test
    void twoRequestsWithOneKeyQueuedForOneTransactionGetTheSameNumbersAndOneRecord() {
        String key = register(HeldTake.HELD_PREFIX);
        Future<HttpReply> leader = clients.submit(() -> api.get("/api/numbers?prefixKey=" + key, generator));
        Future<HttpReply> first;
        Future<HttpReply> second;
        try {
            Await.until("the leader's take to start", () -> HeldTake.taking.getCount() == 0);
            first = clients.submit(() -> issueWithKey(key, "gkc-queued"));
            second = clients.submit(() -> issueWithKey(key, "gkc-queued"));
            Await.until("both requests to queue behind the held take", () -> queuedForACounter() == 2);
        } finally {
            HeldTake.release.countDown();
        }

        assertThat(Await.result("the leader", leader).numbers()).containsExactly("GK-1");
        List<String> numbers =
                Await.result("the first request with the key", first).numbers();
        assertThat(numbers).containsExactly("GK-2", "GK-3");
        assertThat(Await.result("the second request with the key", second).numbers())
                .isEqualTo(numbers);
        assertOneRecordPerRequest(key, 3, 2);
        JsonNode entries = page(key).path("entries");
        assertThat(entries.get(1).path("issued").path("idempotencyKey").asString())
                .isEqualTo("gkc-queued");
        assertThat(entries.get(2).path("issued").path("first").asLong()).isEqualTo(2);
        // Nothing was taken for the second request: the counter goes on right after.
        assertThat(api.get("/api/numbers?prefixKey=" + key, generator).numbers())
                .containsExactly("GK-4");
    }

    @Test
    void requestsWithOneKeySentAtOnceGetTheSameNumbersAndOneRecord() throws Exception {
        String key = register(NAMES.key("AT-ONCE"));
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            String idempotencyKey = "gkc-at-once-" + round;
            CyclicBarrier start = new CyclicBarrier(3);
            List<Future<HttpReply>> replies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(clients.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return issueWithKey(key, idempotencyKey);
                }));
            }
            List<String> numbers =
                    Await.result("a request of round " + round, replies.get(0)).numbers();
            assertThat(numbers).hasSize(2);
            for (Future<HttpReply> reply : replies.subList(1, 3)) {
                assertThat(Await.result("a request of round " + round, reply).numbers())
                        .isEqualTo(numbers);
            }
        }
        assertOneRecordPerRequest(key, 2 * rounds, rounds);
    }

    /** The counter's values 1..highest are all issued, in {@code records} records. */
    private void assertOneRecordPerRequest(String key, long highest, long records) {
        JsonNode counter = api.get("/api/prefix-configs/" + key + "/register/check", auditor)
                .expect(200)
                .json()
                .path("counters")
                .get(0);
        assertThat(counter.path("highest").asLong()).as(counter.toString()).isEqualTo(highest);
        assertThat(counter.path("records").asLong()).as(counter.toString()).isEqualTo(records);
        assertThat(counter.path("issued").asLong()).as(counter.toString()).isEqualTo(highest);
        assertThat(counter.path("complete").asBoolean()).as(counter.toString()).isTrue();
    }

    private JsonNode page(String key) {
        return api.get("/api/prefix-configs/" + key + "/register", auditor)
                .expect(200)
                .json();
    }

    private HttpReply issueWithKey(String key, String idempotencyKey) {
        return api.getWithHeaders(
                "/api/numbers?prefixKey=" + key + "&count=2", generator, "Idempotency-Key", idempotencyKey);
    }

    /** Threads queued in a GAPLESS counter behind a running take (see CombiningCounter). */
    private static long queuedForACounter() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().equals("dev.numgen.sequence.CombiningCounter$Request")
                                && frame.getMethodName().equals("awaitTurn")))
                .count();
    }

    private String register(String key) {
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        HttpReply created =
                api.putRule(key, writer, rule("GK-{seq}").strategy("GAPLESS").build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }
}
