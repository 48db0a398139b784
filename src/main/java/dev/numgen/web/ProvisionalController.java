package dev.numgen.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.ProvisionalResolver;
import dev.numgen.issue.UnknownProvisionalNumberException;
import dev.numgen.provisional.ProvisionalNumber;
import dev.numgen.provisional.ProvisionalRecord;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalStatus;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    record ResolutionRequest(String action, String note) {}

    @GetMapping({"/api/provisional-numbers", "/provisional-numbers"})
    ProvisionalList list(
            @RequestParam(required = false) String prefixKey,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidIssueRequestException("limit", "limit must be 1.." + MAX_LIMIT);
        }
        ProvisionalStatus wanted =
                status == null || status.isBlank() ? null : parse(ProvisionalStatus.class, "status", status);
        List<ProvisionalDocument> items = registry.list(prefixKey, wanted, limit).stream()
                .map(ProvisionalDocument::of)
                .toList();
        return new ProvisionalList(items);
    }

    @GetMapping({"/api/provisional-numbers/{number}", "/provisional-numbers/{number}"})
    ProvisionalDocument get(@PathVariable String number) {
        return registry.find(number)
                .map(ProvisionalDocument::of)
                .orElseThrow(() -> new UnknownProvisionalNumberException(number));
    }

    @PostMapping({"/api/provisional-numbers/{number}/resolution", "/provisional-numbers/{number}/resolution"})
    ProvisionalDocument resolve(@PathVariable String number, @RequestBody ResolutionRequest body, Principal caller) {
        if (body == null || body.action() == null || body.action().isBlank()) {
            throw new InvalidIssueRequestException("action", "action is required: CONFIRM or REPLACE");
        }
        if (body.note() != null && body.note().length() > 500) {
            throw new InvalidIssueRequestException("note", "note must be at most 500 characters");
        }
        ProvisionalResolver.Action action = parse(ProvisionalResolver.Action.class, "action", body.action());
        return ProvisionalDocument.of(resolver.resolve(number, action, caller.getName(), body.note()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidIssueRequestException(
                    field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
