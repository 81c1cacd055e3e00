package se.municipality.eops.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The house rules every service's architecture test applies: a feature's {@code domain} package
 * knows nothing of Spring, Kafka, MongoDB or web adapters, and no domain depends on an adapter.
 *
 * <p>The rules never pass on nothing: a module whose code has no {@code domain} package fails, so
 * a service cannot skip its domain (or its architecture test) by leaving the package out. A
 * service that has no feature code yet has no architecture test yet.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** Checks the production classes of {@code basePackage} and its sub-packages. */
    public static void check(String basePackage) {
        check(
                basePackage,
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(basePackage));
    }

    static void check(String basePackage, JavaClasses classes) {
        List<JavaClass> domain = classes.stream()
                .filter(javaClass -> isDomain(javaClass.getPackageName()))
                .toList();
        if (domain.isEmpty()) {
            throw new AssertionError("No classes in a domain package under " + basePackage + " ("
                    + classes.size() + " classes found): every feature keeps its model in "
                    + "<feature>.domain, free of frameworks; add it before adding this test");
        }
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "com.mongodb..",
                        "org.bson..",
                        "jakarta.servlet..",
                        "jakarta.mail..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("the domain is free of frameworks; adapters depend on it, never the reverse")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..messaging..", "..persistence..", "..application..")
                .because("the domain is the centre; adapters and use cases depend on it")
                .check(classes);
    }

    private static boolean isDomain(String packageName) {
        return packageName.endsWith(".domain") || packageName.contains(".domain.");
    }
}
