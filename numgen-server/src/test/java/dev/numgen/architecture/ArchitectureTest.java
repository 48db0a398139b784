package dev.numgen.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The architecture of docs/architecture.md, checked: the modules depend downwards only (the client library, like the
 * server, on the Ignite adapters and the core, and nothing on either of them), the domain's packages
 * are layered and free of frameworks, the service's features do not reach into each other, and no two packages
 * anywhere depend on each other in a cycle.
 */
@AnalyzeClasses(
        packages = "dev.numgen",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The modules' test-jars (fakes, fixtures, contract suites) are test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String IGNITE = "dev.numgen.ignite..";
    private static final String SERVER = "dev.numgen.server..";
    private static final String CLIENT = "dev.numgen.client..";
    /** The k6 scripts' executed twin (k6/twin): a load tool on the tests' classpath, no part of the product. */
    private static final String LOAD = "dev.numgen.load..";

    /** numgen-core: every numgen package outside the Ignite, server and client modules (and the load tool). */
    private static final DescribedPredicate<JavaClass> CORE = resideInAPackage("dev.numgen..")
            .and(not(resideInAnyPackage(IGNITE, SERVER, CLIENT, LOAD)))
            .as("numgen-core");

    /** The product's code never uses the load tool. */
    @ArchTest
    static final ArchRule nothingUsesTheLoadTool = noClasses()
            .that()
            .resideOutsideOfPackage(LOAD)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(LOAD);

    /** The load tool drives the service over HTTP only, as k6 does: it uses none of numgen's classes. */
    @ArchTest
    static final ArchRule theLoadToolUsesNoNumgenClass = noClasses()
            .that()
            .resideInAPackage(LOAD)
            .should()
            .dependOnClassesThat(resideInAPackage("dev.numgen..").and(not(resideInAPackage(LOAD))));

    @ArchTest
    static final ArchRule modulesDependDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("numgen-core")
            .definedBy(CORE)
            .layer("numgen-ignite")
            .definedBy(IGNITE)
            .layer("numgen-server")
            .definedBy(SERVER)
            .layer("numgen-client")
            .definedBy(CLIENT)
            .whereLayer("numgen-server")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("numgen-client")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("numgen-ignite")
            .mayOnlyBeAccessedByLayers("numgen-server", "numgen-client")
            .whereLayer("numgen-core")
            .mayOnlyBeAccessedByLayers("numgen-ignite", "numgen-server", "numgen-client");

    @ArchTest
    static final ArchRule coreUsesNoFramework = noClasses()
            .that(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.ignite..",
                    "jakarta..",
                    "javax.cache..",
                    "com.fasterxml..",
                    "tools.jackson..",
                    "io.micrometer..",
                    "org.slf4j..");

    /** The adapters know Ignite (and Spring Framework's XML reader for the node files), not Spring Boot or HTTP. */
    @ArchTest
    static final ArchRule igniteModuleKnowsNoServiceFramework = noClasses()
            .that()
            .resideInAPackage(IGNITE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.boot..",
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "org.springframework.security..",
                    "jakarta.servlet..",
                    "tools.jackson..",
                    "io.micrometer..");

    /** Inside the domain: formats, then rules, sequences, provisional records, and the issuing use cases on top. */
    @ArchTest
    static final ArchRule domainLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("issue")
            .definedBy("dev.numgen.issue..")
            .layer("provisional")
            .definedBy("dev.numgen.provisional..")
            .layer("sequence")
            .definedBy("dev.numgen.sequence..")
            .layer("rule")
            .definedBy("dev.numgen.rule..")
            .layer("format")
            .definedBy("dev.numgen.format..")
            .layer("problem")
            .definedBy("dev.numgen.problem..")
            .layer("time")
            .definedBy("dev.numgen.time..")
            .whereLayer("issue")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("provisional")
            .mayOnlyBeAccessedByLayers("issue")
            .whereLayer("sequence")
            .mayOnlyBeAccessedByLayers("issue", "provisional")
            .whereLayer("rule")
            .mayOnlyBeAccessedByLayers("issue", "provisional", "sequence")
            .whereLayer("format")
            .mayOnlyBeAccessedByLayers("issue", "provisional", "sequence", "rule")
            .whereLayer("problem")
            .mayOnlyBeAccessedByLayers("issue", "provisional", "sequence", "rule", "format")
            .whereLayer("time")
            .mayOnlyBeAccessedByLayers("issue", "provisional", "sequence", "rule", "format");

    /**
     * Inside the service: the application on top, the OpenAPI document describing the features, the features (each
     * with its own wiring), the infrastructure they share (node, security, development issuer) and the HTTP edge.
     */
    @ArchTest
    static final ArchRule serviceLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("application")
            .definedBy("dev.numgen.server")
            .layer("api")
            .definedBy("dev.numgen.server.api..")
            .layer("features")
            .definedBy(
                    "dev.numgen.server.numbers..",
                    "dev.numgen.server.rules..",
                    "dev.numgen.server.provisional..",
                    "dev.numgen.server.cluster..")
            .layer("infrastructure")
            .definedBy("dev.numgen.server.node..", "dev.numgen.server.security..", "dev.numgen.server.devissuer..")
            .layer("edge")
            .definedBy("dev.numgen.server.web..")
            .whereLayer("application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("api")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("features")
            .mayOnlyBeAccessedByLayers("application", "api")
            .whereLayer("infrastructure")
            .mayOnlyBeAccessedByLayers("application", "api", "features")
            .whereLayer("edge")
            .mayOnlyBeAccessedByLayers("application", "api", "features", "infrastructure");

    private static final List<String> FEATURES = List.of("numbers", "rules", "provisional", "cluster");

    /** Each feature of the service stands alone: what two features share lives below them. */
    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = CompositeArchRule.of(FEATURES.stream()
            .map(feature -> noClasses()
                    .that()
                    .resideInAPackage("dev.numgen.server." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(FEATURES.stream()
                            .filter(other -> !other.equals(feature))
                            .map(other -> "dev.numgen.server." + other + "..")
                            .toArray(String[]::new)))
            .map(ArchRule.class::cast)
            .toList());

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.numgen.(**)").should().beFreeOfCycles();

    /** Packages are named for what they hold. */
    @ArchTest
    static final ArchRule noCatchAllPackages = classes()
            .should()
            .resideOutsideOfPackages("dev.numgen..system..", "dev.numgen..common..", "dev.numgen..util..");
}
