package dev.numgen.server.rules;

import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.Registration;
import dev.numgen.rule.RuleChange;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.RuleVersionConflictException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.rule.UnsafeRuleChangeException;
import dev.numgen.server.web.ApiConstraints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Prefix Rule Manager: register, update and read rules. */
@RestController
@RequestMapping({"/api/prefix-configs", "/prefix-configs"})
class PrefixConfigController {

    /** An entity tag: an optional weak marker, then an opaque quoted string (RFC 9110 section 8.8.3). */
    private static final java.util.regex.Pattern ENTITY_TAG =
            java.util.regex.Pattern.compile("(W/)?(\"[\\x21\\x23-\\x7E]*\")");

    private final RuleRegistrar registrar;
    private final RuleRegistry registry;

    PrefixConfigController(RuleRegistrar registrar, RuleRegistry registry) {
        this.registrar = registrar;
        this.registry = registry;
    }

    @PutMapping("/{prefixKey}")
    ResponseEntity<RuleDocument> put(
            @PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey,
            @RequestBody @Valid RuleRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            Principal caller)
            throws InvalidPrefixKeyException, InvalidRuleException, UnsafeRuleChangeException,
                    RuleVersionConflictException, RuleStoreUnavailableException {
        PrefixKey key = new PrefixKey(prefixKey);
        if (body.prefixKey() != null && !body.prefixKey().equals(prefixKey)) {
            throw new InvalidRuleException("prefixKey", "prefixKey in the body differs from the path");
        }
        Registration registration = registrar.register(
                key, body.toDefinition(), expectedVersion(key, ifMatch, ifNoneMatch), caller.getName());
        RegisteredRule rule = registration.rule();
        ResponseEntity.BodyBuilder response = registration.outcome() == Registration.Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/prefix-configs/" + prefixKey))
                : ResponseEntity.status(HttpStatus.OK);
        return response.eTag(entityTag(rule.version())).body(RuleDocument.of(rule));
    }

    @GetMapping("/{prefixKey}")
    ResponseEntity<RuleDocument> get(@PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey)
            throws InvalidPrefixKeyException, UnknownPrefixException, InvalidRuleException,
                    RuleStoreUnavailableException {
        RegisteredRule rule =
                registry.find(new PrefixKey(prefixKey)).orElseThrow(() -> new UnknownPrefixException(prefixKey));
        return ResponseEntity.ok().eTag(entityTag(rule.version())).body(RuleDocument.of(rule));
    }

    @GetMapping
    List<RuleDocument> list() throws InvalidPrefixKeyException, InvalidRuleException, RuleStoreUnavailableException {
        return registry.list().stream().map(RuleDocument::of).toList();
    }

    @GetMapping("/{prefixKey}/changes")
    List<RuleChange> changes(@PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey)
            throws InvalidPrefixKeyException, UnknownPrefixException, InvalidRuleException,
                    RuleStoreUnavailableException {
        PrefixKey key = new PrefixKey(prefixKey);
        registry.find(key).orElseThrow(() -> new UnknownPrefixException(prefixKey));
        return registry.history(key);
    }

    /**
     * The version the request's preconditions demand the rule be at, or none. {@code If-Match} names the versions it
     * may be at (a list of tags, or {@code *} for any); a rule that does not exist matches none of them.
     * {@code If-None-Match} names versions it must not be at, {@code *} meaning that it must not exist, so that a
     * create cannot overwrite a rule registered meanwhile. Once they hold, the rule must still be at the version they
     * were checked against when the change is stored (0: still absent).
     */
    private OptionalLong expectedVersion(PrefixKey key, String ifMatch, String ifNoneMatch) {
        boolean matchGiven = ifMatch != null && !ifMatch.isBlank();
        boolean noneMatchGiven = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (!matchGiven && !noneMatchGiven) {
            return OptionalLong.empty();
        }
        long current = registry.find(key).map(RegisteredRule::version).orElse(0L);
        if (matchGiven && !names(ifMatch, current, false)) {
            throw new RuleVersionConflictException(
                    key.value(),
                    current == 0
                            ? "the rule does not exist"
                            : "it is at version " + current + ", which If-Match does not name (strongly)");
        }
        if (noneMatchGiven && names(ifNoneMatch, current, true)) {
            throw new RuleVersionConflictException(
                    key.value(), "it is at version " + current + ", which If-None-Match excludes");
        }
        return OptionalLong.of(current);
    }

    /**
     * Whether a precondition's entity tags name {@code version} (RFC 9110 section 13.1): {@code *} alone names every
     * existing rule; otherwise each comma-separated element must be an entity tag, {@code "3"} or {@code W/"3"}, and
     * a weak one counts only where {@code weak} comparison applies (If-None-Match; If-Match compares strongly). A list
     * that is not entity tags names nothing, and nothing names an absent rule (version 0).
     */
    private static boolean names(String tags, long version, boolean weak) {
        if (version == 0) {
            return false;
        }
        if (tags.trim().equals("*")) {
            return true;
        }
        String current = entityTag(version);
        for (String element : tags.split(",", -1)) {
            Matcher tag = ENTITY_TAG.matcher(element.trim());
            if (!tag.matches()) {
                return false;
            }
            if ((tag.group(1) == null || weak) && tag.group(2).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** Strong ETags carry the rule version: {@code "3"}. */
    private static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
