package dev.numgen.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem a {@link NumgenException} type is answered as. Written on the class, not passed at construction, so
 * that what a method can answer is known from the exceptions it declares, without an instance: the API description
 * lists each operation's problems from its handler's {@code throws} clause.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnsweredAs {

    ProblemType value();
}
