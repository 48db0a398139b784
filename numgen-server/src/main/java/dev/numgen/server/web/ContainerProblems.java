package dev.numgen.server.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Malformed requests answered as problems wherever they are caught: by {@link RequestGuard} ahead of every filter, by
 * {@link ProblemErrorController} on the container's error dispatch, and by {@link ProblemErrorReportValve} for what
 * Tomcat refuses before the application.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard() {
        FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(new RequestGuard());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // After Spring Boot's character-encoding and observation filters (HIGHEST_PRECEDENCE and + 1), so that a form
        // is decoded in the request's charset; ahead of Spring Security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Runs after Spring Boot's own customizer, which installs Tomcat's plain error report valve. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container host = context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }
        };
    }
}
