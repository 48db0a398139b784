package dev.numgen.server.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.numgen.rule.RuleDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule definition, written with numgen-core's {@code RuleDefinitions} builder, as the JSON body of {@code PUT
 * /api/prefix-configs/{prefixKey}}: the fields the definition sets, no others. Bodies that are wrong as JSON (a field of
 * the wrong type, one given twice, an escape the builder cannot hold) are written out by the tests that send them.
 */
public final class RuleJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private RuleJson() {}

    public static String of(RuleDefinition rule) {
        return JSON.writeValueAsString(rule);
    }
}
