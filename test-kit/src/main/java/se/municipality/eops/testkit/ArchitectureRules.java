package se.municipality.eops.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules every service's architecture test applies: a feature's {@code domain} package
 * knows nothing of Spring, Kafka, MongoDB or web adapters, and no domain depends on an adapter.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
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
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..messaging..", "..persistence..", "..application..")
                .because("the domain is the centre; adapters and use cases depend on it")
                .allowEmptyShould(true)
                .check(classes);
    }
}
