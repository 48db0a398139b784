package dev.numgen.provisional;

import java.util.Map;
import java.util.Objects;

/**
 * A number issued in provisional mode: the rule's format with the sequence replaced by this node's tagged local-clock
 * value (see {@link ProvisionalSlot}).
 *
 * @param number the number as the caller received it
 * @param prefixKey the rule it was issued for
 * @param ruleVersion the rule's version at issue time
 * @param variables the caller's (checked) variables, so that a replacement can be issued with the same ones
 * @param issuedAt epoch milliseconds on the issuing node's clock
 * @param node the issuing node's tag
 * @param value the node's local-clock value inside the number; strictly increasing per node
 */
public record ProvisionalNumber(
        String number,
        String prefixKey,
        long ruleVersion,
        Map<String, String> variables,
        long issuedAt,
        String node,
        long value) {

    public ProvisionalNumber {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(prefixKey, "prefixKey");
        Objects.requireNonNull(node, "node");
        variables = Map.copyOf(variables);
    }
}
