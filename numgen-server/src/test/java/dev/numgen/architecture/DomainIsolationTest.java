package dev.numgen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain packages speak only Java, each other and RE2/J (a plain regex engine): Spring, Ignite and Jackson stay at the edges. */
@AnalyzeClasses(packages = "dev.numgen", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    private static final String[] DOMAIN = {
        "dev.numgen.rule",
        "dev.numgen.format",
        "dev.numgen.sequence",
        "dev.numgen.issue",
        "dev.numgen.provisional",
        "dev.numgen.problem"
    };

    @ArchTest
    static final ArchRule domainUsesNoFramework = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
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

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.numgen..ignite..", "dev.numgen.web..", "dev.numgen.system..");
}
