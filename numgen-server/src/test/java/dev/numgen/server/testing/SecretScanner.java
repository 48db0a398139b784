package dev.numgen.server.testing;

import dev.numgen.server.devissuer.DevIssuer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Finds secrets in text a node wrote (log lines, response bodies): anything shaped like a JWT, an Authorization
 * header's credentials, the development issuer's client secret, and every value the caller names as secret (the
 * passwords of the node's TLS and thin-client properties, see {@link #withSecretsOf}). A finding quotes only a few
 * characters of the secret, so a failing test does not leak it further.
 */
public final class SecretScanner {

    /** Three base64url parts, the first two JSON objects ({@code eyJ} is {@code {"}): a JWS or an unsigned JWT. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    /** Credentials after an authentication scheme, as a header value or a header dump would hold them. */
    // A token68 (RFC 9110 section 11.2), not an auth-param such as WWW-Authenticate's resource_metadata="...".
    private static final Pattern CREDENTIALS =
            Pattern.compile("(?i)\\b(Bearer|Basic)\\s+([A-Za-z0-9._~+/-]{16,}+)(?!=\\s*\")=*");
    /** Property names whose values are secrets. */
    private static final Pattern SECRET_PROPERTY = Pattern.compile("(?i).*(password|secret|credential|private-key).*");

    private final Set<String> secrets;

    private SecretScanner(Set<String> secrets) {
        this.secrets = secrets;
    }

    /** Looks for token and header shapes and the development issuer's client secret. */
    public static SecretScanner standard() {
        return new SecretScanner(Set.of(DevIssuer.CLIENT_SECRET));
    }

    /** This scanner, also looking for {@code more} (values shorter than 6 characters are ignored: too common). */
    public SecretScanner with(String... more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        for (String secret : more) {
            if (secret != null && secret.length() >= 6) {
                all.add(secret);
            }
        }
        return new SecretScanner(Set.copyOf(all));
    }

    /** This scanner, also looking for the value of every property of {@code environment} named like a secret. */
    public SecretScanner withSecretsOf(ConfigurableEnvironment environment) {
        List<String> values = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (SECRET_PROPERTY.matcher(name).matches()) {
                        values.add(environment.getProperty(name));
                    }
                }
            }
        }
        return with(values.toArray(String[]::new));
    }

    /** Every secret in {@code text}, each as "what: where", empty when there is none. */
    public List<String> scan(String text) {
        List<String> findings = new ArrayList<>();
        find(findings, "a JWT", text, JWT.matcher(text), 0);
        find(findings, "Authorization credentials", text, CREDENTIALS.matcher(text), 2);
        for (String secret : secrets) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                findings.add("a configured secret: " + masked(text, at, secret.length()));
            }
        }
        return findings;
    }

    private static void find(List<String> findings, String what, String text, Matcher matcher, int group) {
        while (matcher.find()) {
            findings.add(what + ": " + masked(text, matcher.start(group), matcher.end(group) - matcher.start(group)));
        }
    }

    /** The 40 characters before the secret, its first 4, and how long it is. */
    private static String masked(String text, int at, int length) {
        String before = text.substring(Math.max(0, at - 40), at).replaceAll("\\s+", " ");
        String start = text.substring(at, Math.min(text.length(), at + 4));
        return "..." + before + start + "[" + length + " characters]";
    }
}
