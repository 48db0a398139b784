package dev.numgen.server.rules;

import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleValidator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules feature: the rule registry on Ignite and the registrar the prefix-config API calls. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleRegistry ruleRegistry(IgniteStore store) {
        return new IgniteRuleRegistry(store);
    }

    @Bean
    IssuedValues issuedValues(IgniteStore store) {
        return new IgniteIssuedValues(store);
    }

    @Bean
    RuleRegistrar ruleRegistrar(RuleRegistry registry, IssuedValues issued, Clock clock) {
        return new RuleRegistrar(registry, issued, new RuleValidator(), clock);
    }
}
