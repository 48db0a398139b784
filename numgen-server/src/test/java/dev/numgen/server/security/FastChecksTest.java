package dev.numgen.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The loop-based checks give the same verdicts as the regular expressions they replace. */
class FastChecksTest {

    /** Spring Security's StrictHttpFirewall default for header names and values. */
    private static final Pattern ASSIGNED_AND_NOT_ISO_CONTROL =
            Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    /** Spring Security's DefaultBearerTokenResolver token syntax (RFC 6750 b64token). */
    private static final Pattern B64_TOKEN = Pattern.compile("[a-zA-Z0-9-._~+/]+=*");

    @Test
    void printableTextAgreesWithTheFirewallPatternOnRandomText() {
        PrintableText printable = new PrintableText();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int codePoint = random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10FFFF);
                if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                    continue;
                }
                text.appendCodePoint(codePoint);
            }
            String sample = text.toString();
            assertThat(printable.test(sample))
                    .as("%s", sample.codePoints().boxed().toList())
                    .isEqualTo(ASSIGNED_AND_NOT_ISO_CONTROL.matcher(sample).matches());
        }
    }

    @Test
    void b64TokenCheckAgreesWithTheResolverPattern() {
        String alphabet = "aZ09-._~+/=\" :%\u00e9\n";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder token = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = token.toString();
            assertThat(HeaderBearerTokenResolver.isB64Token(sample))
                    .as(sample)
                    .isEqualTo(B64_TOKEN.matcher(sample).matches());
        }
    }

    @Test
    void scopesAreReadFromScopeOrScpAsTextOrList() {
        assertThat(BearerAccess.hasScope(jwt("scope", "a numbers:generate b"), "numbers:generate"))
                .isTrue();
        assertThat(BearerAccess.hasScope(jwt("scope", "numbers:generated"), "numbers:generate"))
                .isFalse();
        assertThat(BearerAccess.hasScope(jwt("scp", List.of("numbers:generate")), "numbers:generate"))
                .isTrue();
        assertThat(BearerAccess.hasScope(jwt("scp", List.of("other")), "numbers:generate"))
                .isFalse();
        assertThat(BearerAccess.hasScope(jwt("aud", "x"), "numbers:generate")).isFalse();
    }

    private static Jwt jwt(String claim, Object value) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claim(claim, value)
                .issuedAt(Instant.now())
                .build();
    }
}
