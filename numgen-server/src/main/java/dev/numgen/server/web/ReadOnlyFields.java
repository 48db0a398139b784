package dev.numgen.server.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields of a resource that the service sets and a request body may not: a body that sends one is told it is
 * read-only ({@link JsonBodyFault}) rather than that the field is unknown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyFields {
    String[] value();
}
