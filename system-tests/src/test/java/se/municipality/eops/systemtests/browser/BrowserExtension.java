package se.municipality.eops.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides whether browser tests can run here (before anything is started), keeps one {@link Browser} per test
 * class (a new one when a test asks for another language), gives it to the tests as a parameter, starts each test
 * with no cookies, and keeps the page of a failed test.
 */
public final class BrowserExtension
        implements ExecutionCondition,
                BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                AfterAllCallback,
                ParameterResolver {

    static final Locale DEFAULT_LANGUAGE = Locale.forLanguageTag("sv-SE");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = decide(Chromium.missing(), Chromium.required());
        if (result.isDisabled() && context.getTestMethod().isEmpty()) {
            // Surefire counts skipped tests without their reason: say it in the build's output, once per class.
            System.err.println("*** " + context.getRequiredTestClass().getSimpleName() + ": "
                    + result.getReason().orElse("skipped"));
        }
        return result;
    }

    /**
     * Run when the browser is there; otherwise skip with the reason, or fail (an exception from a condition fails
     * the class) when the browser is required.
     */
    static ConditionEvaluationResult decide(Optional<String> missing, boolean required) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (required) {
            throw new IllegalStateException("Browser tests cannot run and " + Chromium.REQUIRE_BROWSER
                    + "=true forbids skipping them: " + missing.get());
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing.get() + ". Set "
                + Chromium.REQUIRE_BROWSER + "=true to fail instead of skipping (CI does).");
    }

    /** A class's screenshots are of its last run only: those of an earlier run are deleted first. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Path folder = target().resolve("screenshots")
                .resolve(context.getRequiredTestClass().getSimpleName());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Locale language = languageOf(context);
        ClassBrowser holder = holderOf(context);
        Browser browser = holder.browser;
        if (browser != null && !browser.language().equals(language)) {
            holder.browser = null;
            browser.quit();
            browser = null;
        }
        if (browser == null) {
            browser = Browser.start(language, target().resolve("browser"), target().resolve("screenshots"));
            holder.browser = browser;
        }
        browser.beginTest(
                context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName());
        context.getStore(NAMESPACE).put("browser", browser);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = browserOf(context);
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.keepFailure();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browserOf(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassBrowser holder = context.getStore(NAMESPACE).get(ClassBrowser.class, ClassBrowser.class);
        if (holder != null && holder.browser != null) {
            holder.browser.quit();
            holder.browser = null;
        }
    }

    /**
     * The test class's browser, in the class's store; {@link #afterAll} ends it.
     */
    private static final class ClassBrowser {
        private Browser browser;
    }

    private static ClassBrowser holderOf(ExtensionContext context) {
        return context.getParent()
                .orElseThrow()
                .getStore(NAMESPACE)
                .computeIfAbsent(ClassBrowser.class, key -> new ClassBrowser(), ClassBrowser.class);
    }

    private static Browser browserOf(ExtensionContext context) {
        return holderOf(context).browser;
    }

    private static Locale languageOf(ExtensionContext context) {
        return context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, BrowserLanguage.class))
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BrowserLanguage.class))
                .map(annotation -> Locale.forLanguageTag(annotation.value()))
                .orElse(DEFAULT_LANGUAGE);
    }

    static Path target() {
        return Paths.get(System.getProperty("eops.system-tests.dir", "target")).toAbsolutePath();
    }
}
