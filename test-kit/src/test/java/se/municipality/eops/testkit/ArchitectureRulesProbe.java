package se.municipality.eops.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;

/** Lets the fixture tests run the rules on test classes, which {@link ArchitectureRules#check(String)} leaves out. */
public final class ArchitectureRulesProbe {

    private ArchitectureRulesProbe() {}

    public static void check(String basePackage, JavaClasses classes) {
        ArchitectureRules.check(basePackage, classes);
    }
}
