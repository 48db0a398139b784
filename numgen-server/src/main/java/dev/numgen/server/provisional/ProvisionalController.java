package dev.numgen.server.provisional;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.NoMajorityException;
import dev.numgen.issue.ProvisionalJournalException;
import dev.numgen.issue.ProvisionalResolver;
import dev.numgen.issue.ResolutionRefusedException;
import dev.numgen.issue.UnknownProvisionalNumberException;
import dev.numgen.provisional.ProvisionalNumber;
import dev.numgen.provisional.ProvisionalRecord;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalStatus;
import dev.numgen.provisional.ProvisionalStoreUnavailableException;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.server.web.ApiConstraints;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue of provisional numbers synced from nodes that were cut off from the majority, and their resolution by a
 * person (scope {@code numbers:admin}).
 */
@RestController
class ProvisionalController {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    private final ProvisionalRegistry registry;
    private final ProvisionalResolver resolver;

    ProvisionalController(ProvisionalRegistry registry, ProvisionalResolver resolver) {
        this.registry = registry;
        this.resolver = resolver;
    }

    /** One provisional number as the API shows it. */
    record ProvisionalDocument(
            String number,
            String prefixKey,
            long ruleVersion,
            Map<String, String> variables,
            String node,
            Instant issuedAt,
            ProvisionalStatus status,
            String replacement,
            String resolvedBy,
            Instant resolvedAt,
            String note) {

        static ProvisionalDocument of(ProvisionalRecord record) {
            ProvisionalNumber issued = record.issued();
            return new ProvisionalDocument(
                    issued.number(),
                    issued.prefixKey(),
                    issued.ruleVersion(),
                    issued.variables(),
                    issued.node(),
                    Instant.ofEpochMilli(issued.issuedAt()),
                    record.status(),
                    record.replacement(),
                    record.resolvedBy(),
                    record.resolvedAt() == 0 ? null : Instant.ofEpochMilli(record.resolvedAt()),
                    record.note());
        }
    }

    record ProvisionalList(List<ProvisionalDocument> items) {}

    /** {@code action}: CONFIRM keeps the provisional number, REPLACE issues a regular one in its place. */
    record ResolutionRequest(
            @NotNull @Pattern(regexp = "^(CONFIRM|REPLACE)$")
            String action,

            @Size(max = 500) @Pattern(regexp = ApiConstraints.PLAIN_TEXT)
            String note) {}

    @GetMapping({"/api/provisional-numbers", "/provisional-numbers"})
    ProvisionalList list(
            @RequestParam(required = false) @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey,
            @RequestParam(required = false) @Pattern(regexp = "^(PENDING|CONFIRMED|REPLACED)$") String status,
            @RequestParam(required = false) @Min(1) @Max(MAX_LIMIT) @Schema(defaultValue = "100") Integer limit)
            throws ProvisionalStoreUnavailableException {
        ProvisionalStatus wanted = status == null ? null : ProvisionalStatus.valueOf(status);
        List<ProvisionalDocument> items =
                registry.list(prefixKey, wanted, limit == null ? DEFAULT_LIMIT : limit).stream()
                        .map(ProvisionalDocument::of)
                        .toList();
        return new ProvisionalList(items);
    }

    @GetMapping({"/api/provisional-numbers/{number}", "/provisional-numbers/{number}"})
    ProvisionalDocument get(@PathVariable @Pattern(regexp = ApiConstraints.NUMBER) String number)
            throws UnknownProvisionalNumberException, ProvisionalStoreUnavailableException {
        return registry.find(number)
                .map(ProvisionalDocument::of)
                .orElseThrow(() -> new UnknownProvisionalNumberException(number));
    }

    @PostMapping({"/api/provisional-numbers/{number}/resolution", "/provisional-numbers/{number}/resolution"})
    ProvisionalDocument resolve(
            @PathVariable @Pattern(regexp = ApiConstraints.NUMBER) String number,
            @RequestBody @Valid ResolutionRequest body,
            Principal caller)
            throws UnknownProvisionalNumberException, ResolutionRefusedException, NoMajorityException,
                    ProvisionalStoreUnavailableException, InvalidIssueRequestException, InvalidPrefixKeyException,
                    UnknownPrefixException, InvalidRuleException, CounterExhaustedException,
                    SequenceUnavailableException, RuleStoreUnavailableException, ProvisionalJournalException {
        ProvisionalResolver.Action action = ProvisionalResolver.Action.valueOf(body.action());
        return ProvisionalDocument.of(resolver.resolve(number, action, caller.getName(), body.note()));
    }
}
