package dev.numgen.rule;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.util.Collections;
import java.util.Map;

/** No rule is registered under the prefix key. */
@AnsweredAs(ProblemType.PREFIX_NOT_REGISTERED)
public final class UnknownPrefixException extends NumgenException {

    private final String prefixKey;

    public UnknownPrefixException(String prefixKey) {
        super("no rule is registered for prefix key " + prefixKey);
        this.prefixKey = prefixKey;
    }

    public String prefixKey() {
        return prefixKey;
    }

    @Override
    public Map<String, Object> properties() {
        return Collections.singletonMap("prefixKey", prefixKey);
    }
}
