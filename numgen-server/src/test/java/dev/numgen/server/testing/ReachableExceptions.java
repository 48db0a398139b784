package dev.numgen.server.testing;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorCallTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorReferenceTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.numgen.problem.NumgenException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numgen exceptions a method can end in, read from the compiled code: every {@link NumgenException} type
 * constructed on some path of calls from it within {@code dev.numgen}.
 *
 * <ul>
 *   <li>A call on an interface or on a method a subclass overrides follows every implementation in {@code dev.numgen};
 *       a constructor call follows the constructor.
 *   <li>A lambda's body counts for the method that writes it (ArchUnit attributes a lambda's accesses to its enclosing
 *       method), and a method reference is followed like a call.
 *   <li>Calls into libraries are not followed: code a library calls back (a Jackson deserializer, a stream Jackson
 *       reads) is not seen, which is why what the web layer answers by itself is listed apart.
 *   <li>Catching is not seen: an exception caught and handled on the way still counts.
 * </ul>
 */
public final class ReachableExceptions {

    private static final String NUMGEN = "dev.numgen";

    private final JavaClasses classes;

    public ReachableExceptions(JavaClasses classes) {
        this.classes = classes;
    }

    /** Over numgen's main code as the service runs it: every module's, none of their tests' or fixtures'. */
    public static ReachableExceptions ofMainCode() {
        return new ReachableExceptions(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(NUMGEN));
    }

    public JavaClasses classes() {
        return classes;
    }

    public JavaMethod method(Method method) {
        return classes.get(method.getDeclaringClass()).getMethod(method.getName(), method.getParameterTypes());
    }

    /** What {@code method} can throw; for an abstract one, what any of its implementations can. */
    public Set<String> from(Method method) {
        return from(method(method));
    }

    /** The names of the {@link NumgenException} types {@code start} can throw, sorted. */
    public Set<String> from(JavaCodeUnit start) {
        Set<String> thrown = new TreeSet<>();
        Deque<JavaCodeUnit> pending = new ArrayDeque<>();
        pending.push(start);
        if (start instanceof JavaMethod method) {
            overrides(method.getOwner(), method.getName(), method.getRawParameterTypes())
                    .forEach(pending::push);
        }
        Set<JavaCodeUnit> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            JavaCodeUnit unit = pending.pop();
            if (!visited.add(unit)) {
                continue;
            }
            for (CodeUnitAccessTarget target : targets(unit)) {
                JavaClass owner = target.getOwner();
                if (!owner.getPackageName().startsWith(NUMGEN)) {
                    continue;
                }
                boolean constructs =
                        target instanceof ConstructorCallTarget || target instanceof ConstructorReferenceTarget;
                if (constructs && isSuperCall(unit, owner)) {
                    continue;
                }
                if (constructs && owner.isAssignableTo(NumgenException.class)) {
                    thrown.add(owner.getName());
                }
                target.resolveMember().ifPresent(pending::push);
                if (!constructs) {
                    overrides(owner, target.getName(), target.getRawParameterTypes())
                            .forEach(pending::push);
                }
            }
        }
        return thrown;
    }

    /** {@code super(...)} in a constructor: the superclass is initialised, not another object constructed. */
    private static boolean isSuperCall(JavaCodeUnit unit, JavaClass constructed) {
        return unit instanceof JavaConstructor
                && unit.getOwner()
                        .getRawSuperclass()
                        .filter(constructed::equals)
                        .isPresent();
    }

    private static List<CodeUnitAccessTarget> targets(JavaCodeUnit unit) {
        List<CodeUnitAccessTarget> targets = new ArrayList<>();
        unit.getCallsFromSelf().forEach(call -> targets.add(call.getTarget()));
        unit.getMethodReferencesFromSelf().forEach(reference -> targets.add(reference.getTarget()));
        unit.getConstructorReferencesFromSelf().forEach(reference -> targets.add(reference.getTarget()));
        return targets;
    }

    /** The methods of {@code owner}'s subtypes that a call of this method on {@code owner} may dispatch to. */
    private static List<JavaMethod> overrides(JavaClass owner, String name, List<JavaClass> parameters) {
        List<JavaMethod> overrides = new ArrayList<>();
        for (JavaClass subtype : owner.getAllSubclasses()) {
            for (JavaMethod method : subtype.getMethods()) {
                if (method.getName().equals(name)
                        && method.getRawParameterTypes().equals(parameters)) {
                    overrides.add(method);
                }
            }
        }
        return overrides;
    }
}
