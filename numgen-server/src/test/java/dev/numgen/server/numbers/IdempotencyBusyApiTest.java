package dev.numgen.server.numbers;

import static dev.numgen.rule.RuleDefinitions.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.issue.IgniteIdempotencyStore;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.issue.ForwardingIdempotencyStore;
import dev.numgen.issue.IdempotencyStore;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ApiClient;
import dev.numgen.server.testing.DevIssuerClient;
import dev.numgen.server.testing.HttpReply;
import dev.numgen.server.testing.LocalNodeTest;
import dev.numgen.testing.Await;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A second request with an Idempotency-Key whose first request is still being served is answered 409
 * {@code idempotency-key-busy} with Retry-After, and issues nothing (a SEGMENT rule: for GAPLESS the key is answered
 * in the transaction that takes the numbers, so the second request waits for it and gets the same numbers). The first request is held deterministically: its
 * numbers are issued and its key claimed in the cluster, but recording its answer waits until the test lets it go.
 */
@LocalNodeTest
@DirtiesContext
class IdempotencyBusyApiTest {

    /** The real Idempotency-Key store, except that the first completion of {@link #HELD_KEY} waits for the test. */
    @TestConfiguration
    static class HeldCompletion {
        static final String HELD_KEY = "iba-held";
        static final CountDownLatch completing = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        @Bean
        @Primary
        IdempotentIssuer heldIdempotentIssuer(NumberIssuer issuer, IgniteStore store) {
            return new IdempotentIssuer(issuer, new HoldingStore(new IgniteIdempotencyStore(store)));
        }
    }

    /** Forwards to the real store, holding the first completion of the held key. */
    private static final class HoldingStore extends ForwardingIdempotencyStore {
        HoldingStore(IdempotencyStore delegate) {
            super(delegate);
        }

        @Override
        public void complete(String caller, String key, String fingerprint, IssuedNumbers issued) {
            // Only the first request to get this far is held; any other goes through.
            if (key.equals(HeldCompletion.HELD_KEY) && HeldCompletion.completing.getCount() > 0) {
                HeldCompletion.completing.countDown();
                Await.opened("the test to release the held request", HeldCompletion.release);
            }
            super.complete(caller, key, fingerprint, issued);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DevIssuer issuer;

    @Test
    void aKeyWhoseFirstRequestIsStillServedIsBusyAndIssuesNothing() throws Exception {
        ApiClient api = new ApiClient(port);
        String writer = DevIssuerClient.token(issuer.port(), "prefix-configs:write");
        String generator = DevIssuerClient.token(issuer.port(), "numbers:generate");
        assertThat(api.putRule("IBA-BUSY", writer, rule("IB-{seq}").build()).status())
                .isEqualTo(201);
        String path = "/api/numbers?prefixKey=IBA-BUSY&count=2";

        CompletableFuture<HttpReply> first = CompletableFuture.supplyAsync(
                () -> api.getWithHeaders(path, generator, "Idempotency-Key", HeldCompletion.HELD_KEY));
        HttpReply busy;
        try {
            assertThat(HeldCompletion.completing.await(60, TimeUnit.SECONDS))
                    .as("the first request reached the point of recording its answer")
                    .isTrue();
            busy = api.getWithHeaders(path, generator, "Idempotency-Key", HeldCompletion.HELD_KEY);
        } finally {
            HeldCompletion.release.countDown();
        }

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        assertThat(busy.json().path("type").asString()).isEqualTo("/problems/idempotency-key-busy");
        assertThat(busy.json().path("status").asInt()).isEqualTo(409);
        assertThat(Long.parseLong(busy.header("Retry-After"))).isPositive();
        assertThat(busy.json().has("numbers")).isFalse();

        HttpReply answered = Await.result("the held first request", first);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().path("numbers").toString()).isEqualTo("[\"IB-1\",\"IB-2\"]");
        // Once the first request is answered, a retry gets its numbers, and the busy one took none.
        HttpReply retried = api.getWithHeaders(path, generator, "Idempotency-Key", HeldCompletion.HELD_KEY);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("numbers")).isEqualTo(answered.json().path("numbers"));
        assertThat(api.get("/api/numbers?prefixKey=IBA-BUSY", generator).numbers())
                .containsExactly("IB-3");
    }
}
