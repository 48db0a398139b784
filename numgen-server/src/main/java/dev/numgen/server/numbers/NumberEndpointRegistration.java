package dev.numgen.server.numbers;

import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.server.security.BearerAccess;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Mounts {@link NumberEndpoint} on its two paths, ahead of every other filter. */
@Configuration(proxyBeanMethods = false)
class NumberEndpointRegistration {

    @Bean
    FilterRegistrationBean<NumberEndpoint> numberEndpoint(
            NumberIssuer issuer,
            IdempotentIssuer idempotent,
            BearerAccess access,
            JsonMapper json,
            MeterRegistry registry) {
        FilterRegistrationBean<NumberEndpoint> registration = new FilterRegistrationBean<>(
                new NumberEndpoint(issuer, idempotent, access, json, new IssueMetrics(registry)));
        registration.addUrlPatterns("/api/numbers", "/numbers");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // Ahead of every other filter (it asks RequestGuard itself), Spring Security and MVC included.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
