package dev.numgen.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.numgen.issue.VoidRefusedException;
import dev.numgen.problem.NumgenException;
import dev.numgen.server.testing.ReachableExceptions;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A {@code throws} clause that names numgen exceptions names exactly those the method can throw, as read from the code
 * ({@link ReachableExceptions}): use cases, the ports they read through and the API's handlers declare them, and the
 * API description lists each operation's problems from its handler's clause.
 */
class ThrowsClauseTest {

    private static final ReachableExceptions MAIN = ReachableExceptions.ofMainCode();

    @Test
    void everyThrowsClauseNamesExactlyTheNumgenExceptionsTheMethodCanThrow() {
        SoftAssertions softly = new SoftAssertions();
        int declaring = 0;
        for (JavaClass owner : MAIN.classes()) {
            for (JavaCodeUnit unit : owner.getCodeUnits()) {
                Set<String> declared = declared(unit);
                if (declared.isEmpty()) {
                    continue;
                }
                declaring++;
                softly.assertThat(declared)
                        .as(unit.getFullName() + " declares what it can throw")
                        .containsExactlyInAnyOrderElementsOf(MAIN.from(unit));
            }
        }
        softly.assertAll();
        assertThat(declaring)
                .as("use cases and handlers declare what they throw")
                .isGreaterThan(20);
    }

    @Test
    void everyNumgenExceptionSaysWhatItIsAnsweredAs() {
        Set<JavaClass> exceptions = MAIN.classes().stream()
                .filter(type -> type.isAssignableTo(NumgenException.class))
                .filter(type -> !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .collect(Collectors.toSet());
        assertThat(exceptions).hasSizeGreaterThan(20);
        for (JavaClass exception : exceptions) {
            assertThatCode(() -> NumgenException.typeOf(exception.reflect().asSubclass(NumgenException.class)))
                    .as(exception.getName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aLambdaBodyCountsForTheMethodThatWritesIt() {
        assertThat(PROBE.from(probe("viaLambda"))).containsExactly(VoidRefusedException.class.getName());
    }

    @Test
    void aMethodReferenceIsFollowedLikeACall() {
        assertThat(PROBE.from(probe("viaMethodReference"))).containsExactly(VoidRefusedException.class.getName());
    }

    @Test
    void aCallOnAnInterfaceFollowsEveryImplementation() {
        assertThat(PROBE.from(probe("viaInterface"))).containsExactly(VoidRefusedException.class.getName());
        assertThat(PROBE.from(probe("constructsNothing"))).isEmpty();
    }

    private static Set<String> declared(JavaCodeUnit unit) {
        return unit.getThrowsClause().getTypes().stream()
                .filter(type -> type.isAssignableTo(NumgenException.class))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final ReachableExceptions PROBE = new ReachableExceptions(new ClassFileImporter()
            .importClasses(Probe.class, Probe.Port.class, Probe.Refusing.class, VoidRefusedException.class));

    private static JavaCodeUnit probe(String method) {
        return PROBE.classes().get(Probe.class).getCodeUnits().stream()
                .filter(unit -> unit.getName().equals(method))
                .findFirst()
                .orElseThrow();
    }

    /** Each way a method can reach an exception without constructing it in its own body. */
    @SuppressWarnings("unused")
    static final class Probe {

        interface Port {
            String answer();
        }

        static final class Refusing implements Port {
            @Override
            public String answer() {
                throw new VoidRefusedException("refused");
            }
        }

        String viaLambda(Optional<String> found) {
            return found.orElseThrow(() -> new VoidRefusedException("absent"));
        }

        String viaMethodReference(Optional<String> found) {
            return found.map(Probe::refuse).orElse("");
        }

        String viaInterface(Port port) {
            return port.answer();
        }

        String constructsNothing(Optional<String> found) {
            return found.orElse("");
        }

        private static String refuse(String value) {
            throw new VoidRefusedException(value);
        }
    }
}
