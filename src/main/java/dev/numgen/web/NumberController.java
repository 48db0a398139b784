package dev.numgen.web;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NumberIssuer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues numbers (DESIGN.md §3). Every request parameter other than {@code prefixKey} and
 * {@code count} is a variable of the rule. Responses are never cacheable.
 */
@RestController
@RequestMapping({"/api/numbers", "/numbers"})
class NumberController {

    static final String MODE_HEADER = "Numgen-Mode";
    private static final Set<String> RESERVED_PARAMETERS = Set.of("prefixKey", "count");

    private final NumberIssuer issuer;

    NumberController(NumberIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<IssuedNumbers> issue(@RequestParam Map<String, String> parameters) {
        return respond(issue(parameters, null));
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<IssuedNumbers> issuePost(
            @RequestParam Map<String, String> parameters, @RequestBody(required = false) IssueRequest body) {
        return respond(issue(parameters, body));
    }

    /** A POST body: {@code {"prefixKey": "ORDER", "count": 3, "variables": {"region": "EU"}}}. */
    record IssueRequest(String prefixKey, Integer count, Map<String, String> variables) {}

    private IssuedNumbers issue(Map<String, String> query, IssueRequest body) {
        Map<String, String> parameters = merge(query, body);
        String prefixKey = parameters.get("prefixKey");
        if (prefixKey == null || prefixKey.isBlank()) {
            throw new InvalidIssueRequestException("prefixKey", "prefixKey is required");
        }
        Map<String, String> variables = new HashMap<>(parameters);
        variables.keySet().removeAll(RESERVED_PARAMETERS);
        return issuer.issue(prefixKey, count(parameters.get("count")), variables);
    }

    private static Map<String, String> merge(Map<String, String> parameters, IssueRequest body) {
        if (body == null) {
            return parameters;
        }
        Map<String, String> merged = new HashMap<>(parameters);
        if (body.variables() != null) {
            merged.putAll(body.variables());
        }
        if (body.prefixKey() != null) {
            merged.put("prefixKey", body.prefixKey());
        }
        if (body.count() != null) {
            merged.put("count", body.count().toString());
        }
        return merged;
    }

    private static int count(String count) {
        if (count == null) {
            return 1;
        }
        try {
            return Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            throw new InvalidIssueRequestException(
                    "count", "count must be a whole number 1.." + NumberIssuer.MAX_COUNT);
        }
    }

    private static ResponseEntity<IssuedNumbers> respond(IssuedNumbers issued) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(MODE_HEADER, issued.mode().name())
                .body(issued);
    }
}
