package dev.numgen.server.numbers;

import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.NumberVoider;
import dev.numgen.issue.VoidRefusedException;
import dev.numgen.issue.VoidedNumber;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.server.web.ApiConstraints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Voiding GAPLESS numbers (scope {@code numbers:admin}) and listing a prefix's voids. */
@RestController
class VoidController {

    private final NumberVoider voider;

    VoidController(NumberVoider voider) {
        this.voider = voider;
    }

    /** The body names the rule the number belongs to and why it is voided. */
    record VoidRequest(
            @NotNull @Pattern(regexp = ApiConstraints.PREFIX_KEY)
            String prefixKey,

            @NotNull @Size(min = 1, max = 500) @Pattern(regexp = ApiConstraints.REQUIRED_TEXT)
            String reason) {}

    @PostMapping({"/api/numbers/{number}/void", "/numbers/{number}/void"})
    @ResponseStatus(HttpStatus.CREATED)
    VoidedNumber voidNumber(
            @PathVariable @Pattern(regexp = ApiConstraints.NUMBER) String number,
            @RequestBody @Valid VoidRequest body,
            Principal caller)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, VoidRefusedException, RuleStoreUnavailableException {
        return voider.voidNumber(body.prefixKey(), number, body.reason(), caller.getName());
    }

    @GetMapping({"/api/prefix-configs/{prefixKey}/voids", "/prefix-configs/{prefixKey}/voids"})
    List<VoidedNumber> voids(@PathVariable @Pattern(regexp = ApiConstraints.PREFIX_KEY) String prefixKey)
            throws InvalidPrefixKeyException, UnknownPrefixException, InvalidRuleException,
                    RuleStoreUnavailableException {
        return voider.voids(prefixKey);
    }
}
