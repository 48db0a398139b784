package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.numgen.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final HandClock clock = new HandClock(START);
    private final CountingDecoder delegate = new CountingDecoder();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100, Duration.ofHours(1));

    @Test
    void cacheHitReturnsSameJwtWithoutCallingDelegate() {
        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(delegate.calls).containsExactly("token-a");
    }

    @Test
    void cachedTokenPastExpiryAndClockSkewIsRejected() {
        decoder.decode("token-a");
        clock.advance(TOKEN_LIFETIME.plusSeconds(61));

        assertThatThrownBy(() -> decoder.decode("token-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(delegate.calls).containsExactly("token-a");
    }

    @Test
    void cachedTokenWithinClockSkewAfterExpiryIsStillAccepted() {
        Jwt first = decoder.decode("token-a");
        clock.advance(TOKEN_LIFETIME.plusSeconds(30));

        assertThat(decoder.decode("token-a")).isSameAs(first);
    }

    @Test
    void differentTokenStringIsNotServedFromCache() {
        Jwt first = decoder.decode("token-a");
        Jwt other = decoder.decode("token-a-tampered");

        assertThat(other).isNotSameAs(first);
        assertThat(other.getTokenValue()).isEqualTo("token-a-tampered");
        assertThat(delegate.calls).containsExactly("token-a", "token-a-tampered");
    }

    @Test
    void failuresAreNotCached() {
        delegate.rejectNext = true;
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);

        Jwt accepted = decoder.decode("token-a");

        assertThat(accepted.getTokenValue()).isEqualTo("token-a");
        assertThat(delegate.calls).containsExactly("token-a", "token-a");
    }

    @Test
    void tokenWithoutExpiryIsNotCached() {
        delegate.withoutExpiry = true;
        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(delegate.calls).containsExactly("token-a", "token-a");
    }

    /** Stands in for the signature-checking decoder: accepts any token string unless told to reject the next one. */
    private final class CountingDecoder implements JwtDecoder {
        final List<String> calls = new ArrayList<>();
        boolean rejectNext;
        boolean withoutExpiry;

        @Override
        public Jwt decode(String token) {
            calls.add(token);
            if (rejectNext) {
                rejectNext = false;
                throw new BadJwtException("Signed JWT rejected: Invalid signature");
            }
            Instant now = clock.instant();
            Jwt.Builder jwt = Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("numgen-local")
                    .issuedAt(now)
                    .notBefore(now);
            return (withoutExpiry ? jwt : jwt.expiresAt(now.plus(TOKEN_LIFETIME))).build();
        }
    }
}
