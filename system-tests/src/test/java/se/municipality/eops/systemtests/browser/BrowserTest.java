package se.municipality.eops.systemtests.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import se.municipality.eops.systemtests.SystemTest;

/**
 * A browser test of the suite ({@code *IT}): skipped with the reason where Chromium or chromedriver is missing
 * (failed instead with {@code EOPS_REQUIRE_BROWSER=true}), decided before the suite is started; then the
 * {@link se.municipality.eops.systemtests.Suite} as for every system test, and a {@link Browser} per test class as
 * a test parameter. Start the portal in the class with {@code Suite.get().portal()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
@SystemTest
public @interface BrowserTest {}
