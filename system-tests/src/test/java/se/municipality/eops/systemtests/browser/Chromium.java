package se.municipality.eops.systemtests.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's headless Chromium and its chromedriver (Debian's {@code chromium} and {@code chromium-driver}):
 * found on the {@code PATH} (or at {@code EOPS_CHROMIUM} / {@code EOPS_CHROMEDRIVER}), never downloaded. Where
 * they are missing the browser tests skip, unless {@code EOPS_REQUIRE_BROWSER=true} (as {@code .ci/run} sets it)
 * or {@code -Deops.require-browser=true}: then they fail.
 */
public final class Chromium {

    /** The environment variable CI sets so that a missing browser fails the browser tests instead of skipping them. */
    public static final String REQUIRE_BROWSER = "EOPS_REQUIRE_BROWSER";

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVERS = List.of("chromedriver");

    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium's version; the tests use only
     * CDP commands by name (screenshots, cookies), which need none. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private Chromium() {}

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** True when a missing browser must fail the tests (CI) rather than skip them. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_BROWSER)) || Boolean.getBoolean("eops.require-browser");
    }

    /** Why the browser tests cannot run here, or empty when Chromium and chromedriver are both there. */
    public static Optional<String> missing() {
        Optional<Path> browser = browser();
        Optional<Path> driver = driver();
        if (browser.isPresent() && driver.isPresent()) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder();
        if (browser.isEmpty()) {
            reason.append("no Chromium (looked for ")
                    .append(String.join(", ", BROWSERS))
                    .append(" on the PATH and EOPS_CHROMIUM)");
        }
        if (driver.isEmpty()) {
            reason.append(reason.isEmpty() ? "" : " and ")
                    .append("no chromedriver (looked on the PATH and EOPS_CHROMEDRIVER)");
        }
        return Optional.of(reason
                + "; install the Debian packages chromium and chromium-driver (apt-get install chromium"
                + " chromium-driver), as .ci/run does");
    }

    static Optional<Path> browser() {
        return find("EOPS_CHROMIUM", BROWSERS);
    }

    static Optional<Path> driver() {
        return find("EOPS_CHROMEDRIVER", DRIVERS);
    }

    /**
     * A new headless Chromium speaking {@code language} (its {@code --lang} and the Accept-Language it sends), with a
     * profile of its own under {@code profile} and chromedriver's log in {@code driverLog}.
     */
    static ChromeDriver start(Locale language, Path profile, Path driverLog) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1280,1024",
                "--lang=" + language.toLanguageTag(),
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage(language)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver().orElseThrow().toString()))
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** {@code sv-SE,sv} or {@code en-GB,en}: the language first, then its plain form. */
    static String acceptLanguage(Locale language) {
        return language.getCountry().isEmpty()
                ? language.getLanguage()
                : language.toLanguageTag() + "," + language.getLanguage();
    }

    private static Optional<Path> find(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String name : names) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Paths.get(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
