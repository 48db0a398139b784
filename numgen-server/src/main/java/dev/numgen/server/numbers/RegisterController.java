package dev.numgen.server.numbers;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.IssuanceAudit;
import dev.numgen.issue.RegisterCheck;
import dev.numgen.issue.RegisterPage;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.server.web.ApiConstraints;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuance register of GAPLESS rules, for auditors (scope {@code prefix-configs:read}, like the voids): a counter's
 * values page by page, each with the request that took it or its void, and whether every counter is complete.
 */
@RestController
class RegisterController {

    /** The prefix key the OpenAPI document's examples name for these routes: a GAPLESS rule. */
    static final String EXAMPLE_PREFIX_KEY = "INVOICE";

    private final IssuanceAudit audit;

    RegisterController(IssuanceAudit audit) {
        this.audit = audit;
    }

    /**
     * Values {@code from}..{@code to} of one counter, at most {@code limit}; when more follow, a {@code Link} header
     * with {@code rel="next"} names the next page (the same query with {@code from} at {@code nextFrom}).
     */
    @GetMapping({"/api/prefix-configs/{prefixKey}/register", "/prefix-configs/{prefixKey}/register"})
    ResponseEntity<RegisterPage> page(
            @PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) @Parameter(example = EXAMPLE_PREFIX_KEY)
                    String prefixKey,
            @RequestParam(required = false) @Pattern(regexp = ApiConstraints.COUNTER) @Schema(defaultValue = "")
                    String counter,
            @RequestParam(required = false) @Min(0) @Schema(defaultValue = "0") Long from,
            @RequestParam(required = false) @Min(0) @Schema(defaultValue = "9223372036854775807") Long to,
            @RequestParam(required = false) @Min(1) @Max(IssuanceAudit.MAX_PAGE) @Schema(defaultValue = "1000")
                    Integer limit,
            HttpServletRequest request)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, RuleStoreUnavailableException {
        int pageLimit = limit == null ? IssuanceAudit.MAX_PAGE : limit;
        RegisterPage page = audit.page(
                prefixKey,
                counter == null ? "" : counter,
                from == null ? 0 : from,
                to == null ? Long.MAX_VALUE : to,
                pageLimit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextFrom() != null) {
            response.header(HttpHeaders.LINK, next(request, page, pageLimit));
        }
        return response.body(page);
    }

    /** Each counter of the rule that holds records: its first and highest value, its counts, what is missing. */
    @GetMapping({"/api/prefix-configs/{prefixKey}/register/check", "/prefix-configs/{prefixKey}/register/check"})
    RegisterCheck check(
            @PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) @Parameter(example = EXAMPLE_PREFIX_KEY)
                    String prefixKey)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, RuleStoreUnavailableException {
        return audit.check(prefixKey);
    }

    /** The next page as an RFC 8288 link, relative to the request's own spelling (with or without {@code /api}). */
    private static String next(HttpServletRequest request, RegisterPage page, int limit) {
        String root = request.getRequestURI().startsWith("/api/") ? "/api" : "";
        return "<" + root + "/prefix-configs/" + page.prefixKey() + "/register?counter=" + encoded(page.counter())
                + "&from=" + page.nextFrom() + "&to=" + page.to() + "&limit=" + limit + ">; rel=\"next\"";
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
