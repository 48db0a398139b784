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
            Principal caller)
            throws InvalidPrefixKeyException, InvalidRuleException, UnsafeRuleChangeException,
                    RuleVersionConflictException, RuleStoreUnavailableException {
        PrefixKey key = new PrefixKey(prefixKey);
        if (body.prefixKey() != null && !body.prefixKey().equals(prefixKey)) {
            throw new InvalidRuleException("prefixKey", "prefixKey in the body differs from the path");
        }
        Registration registration =
                registrar.register(key, body.toDefinition(), expectedVersion(key, ifMatch), caller.getName());
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

    /** The version an If-Match header demands; {@code *} demands only that the rule exists. */
    private OptionalLong expectedVersion(PrefixKey key, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            RegisteredRule current = registry.find(key)
                    .orElseThrow(() -> new RuleVersionConflictException(key.value(), "the rule does not exist"));
            return OptionalLong.of(current.version());
        }
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        try {
            return OptionalLong.of(Long.parseLong(tag.replace("\"", "")));
        } catch (NumberFormatException e) {
            throw new RuleVersionConflictException(key.value(), "If-Match " + ifMatch + " names no version");
        }
    }

    /** Strong ETags carry the rule version: {@code "3"}. */
    private static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
