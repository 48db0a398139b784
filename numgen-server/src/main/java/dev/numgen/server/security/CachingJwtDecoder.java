package dev.numgen.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens the delegate has fully validated, so a client that repeats its token does not pay for a signature
 * check on every request.
 *
 * <p>Guarantees: only tokens the delegate accepted are cached (failures never are), keyed by the exact token string;
 * a token without a subject is refused; every hit is checked again for exp/nbf with the delegate's default 60 s clock
 * skew; an entry never outlives the
 * token's own exp nor {@code maxEntryLifetime}. Gap: a token signed with a key the issuer has since withdrawn stays
 * accepted for at most {@code maxEntryLifetime}.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final JwtTimestampValidator timestamps;
    private final Cache<String, Jwt> validated;

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, long maxEntries, Duration maxEntryLifetime) {
        this.delegate = delegate;
        this.clock = clock;
        this.timestamps = new JwtTimestampValidator();
        this.timestamps.setClock(clock);
        this.validated = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, maxEntryLifetime)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = validated.getIfPresent(token);
        if (cached == null) {
            return decodeAndRemember(token);
        }
        OAuth2TokenValidatorResult result = timestamps.validate(cached);
        if (result.hasErrors()) {
            validated.invalidate(token);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return cached;
    }

    private Jwt decodeAndRemember(String token) {
        Jwt jwt = delegate.decode(token);
        // Quotas, Idempotency-Keys and the audit trail belong to the token's subject: a token without one would share
        // them with every other such token.
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new BadJwtException("the token names no subject");
        }
        // A token without exp would never leave the cache on its own, so it is not remembered.
        if (jwt.getExpiresAt() != null) {
            validated.put(token, jwt);
        }
        return jwt;
    }

    private Duration lifetime(Jwt jwt, Duration maxEntryLifetime) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(maxEntryLifetime) < 0 ? untilExpiry : maxEntryLifetime;
    }
}
