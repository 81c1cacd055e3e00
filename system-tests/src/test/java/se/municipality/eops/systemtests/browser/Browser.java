package se.municipality.eops.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium for a test class, speaking one language. Every page it arrives at (by {@link #open},
 * {@link #clickAndLoad} or a form it submits) is checked the moment it has loaded: a screenshot under
 * {@code target/screenshots/<Class>/<test>-<n>-<page>.png}, then axe-core (serious or critical violations fail the
 * test). Pages are told apart by their document: a page changed in place (a live update) is the same page.
 */
public final class Browser {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    /** The portal and its services answer within this on a busy 2-core machine. */
    static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    private static final String SEEN = "__eopsChecked";

    private final ChromeDriver driver;
    private final Path profile;
    private final Locale language;
    private final Path screenshots;
    private final WebDriverWait wait;
    private final List<String> visited = new ArrayList<>();
    private String testClass = "unknown";
    private String testName = "unknown";
    private int shot;

    private Browser(ChromeDriver driver, Path profile, Locale language, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, PAGE_LOAD, Duration.ofMillis(100));
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(PAGE_LOAD);
    }

    /**
     * Starts a headless Chromium in {@code language}; its profile and chromedriver's log go under {@code workDir},
     * its screenshots under {@code screenshots}.
     */
    static Browser start(Locale language, Path workDir, Path screenshots) {
        try {
            Files.createDirectories(workDir);
            Path profile = Files.createTempDirectory(workDir, "profile-" + language.toLanguageTag() + "-");
            Path driverLog = workDir.resolve(profile.getFileName() + "-chromedriver.log");
            return new Browser(Chromium.start(language, profile, driverLog), profile, language, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Locale language() {
        return language;
    }

    /** The WebDriver itself, for what this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** A new test: its screenshots count from 1, and no cookie of an earlier test (any host) is left. */
    void beginTest(String testClass, String testName) {
        this.testClass = testClass;
        this.testName = testName;
        this.shot = 0;
        this.visited.clear();
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    // ---- going places ----------------------------------------------------------------------------------------

    /** Opens the URL and checks the page it ends on (after any redirects, e.g. to the login page). */
    public Browser open(String url) {
        driver.get(url);
        settle();
        return this;
    }

    /** Clicks something that loads another page (a link, a submit button) and checks that page. */
    public Browser clickAndLoad(By target) {
        WebElement element = find(target);
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.withMessage(() -> "a new page after clicking " + target + " on " + driver.getCurrentUrl())
                .until(page -> isGone(html));
        settle();
        return this;
    }

    /**
     * Whether the element's document was replaced. Chromium answers a question about a node of a document it is
     * just unloading either as a stale element or, now and then, as an inspector error that the node "does not
     * belong to the document": both mean the old page is gone (Selenium's stalenessOf knew only the first).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException inspector) {
            if (String.valueOf(inspector.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw inspector;
        }
    }

    /** Clicks something that changes the page in place (no new document is awaited). */
    public Browser click(By target) {
        find(target).click();
        return this;
    }

    /** Replaces the field's value by typing (keyboard events, as a person would). */
    public Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Chooses the option with the given value (not its translated text) in a select. */
    public Browser select(By field, String value) {
        new Select(find(field)).selectByValue(value);
        return this;
    }

    /** Checks (or unchecks) a checkbox or radio button by clicking it, if it is not already as wanted. */
    public Browser check(By box, boolean checked) {
        WebElement element = find(box);
        if (element.isSelected() != checked) {
            element.click();
        }
        return this;
    }

    // ---- looking ---------------------------------------------------------------------------------------------

    /** The element, waiting for it to be there (up to {@link #PAGE_LOAD}). */
    public WebElement find(By target) {
        return wait.withMessage(() -> target + " on " + driver.getCurrentUrl())
                .until(ExpectedConditions.presenceOfElementLocated(target));
    }

    public boolean present(By target) {
        return !driver.findElements(target).isEmpty();
    }

    /** The element's visible text, or an {@link AssertionError} naming the page when it is not there. */
    public String text(By target) {
        try {
            return driver.findElement(target).getText();
        } catch (NoSuchElementException e) {
            throw new AssertionError(target + " is not on " + driver.getCurrentUrl() + " (h1: " + h1OrNothing() + ")");
        }
    }

    private String h1OrNothing() {
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        return h1.isEmpty() ? "none" : h1.get(0).getText();
    }

    public String h1() {
        return text(By.tagName("h1"));
    }

    /** {@code <html lang>} of the page. */
    public String htmlLang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The path of the page now shown, e.g. {@code /requests/REQ-1}. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * The HTTP status the page now shown came with (the browser's navigation timing: a 403 or 404 page is the
     * portal's page with that status).
     */
    public long responseStatus() {
        Object status = ((JavascriptExecutor) driver)
                .executeScript(
                        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : -1;");
        return status instanceof Number number ? number.longValue() : -1;
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** Waits (up to {@code timeout}) until the condition holds on the page now shown. */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .withMessage(() -> what + " on " + driver.getCurrentUrl())
                .until(condition);
    }

    /** True while the document first checked is still the one shown: nothing reloaded it since. */
    public boolean sameDocument() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window." + SEEN + " === true"));
    }

    /** Every page checked in this test so far: "{@code <n> <page> <url>}". */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    /**
     * Waits until the page has loaded; if it is a document not checked before: a screenshot, then the axe check.
     */
    public Browser settle() {
        wait.withMessage(() -> "the page to load: " + driver.getCurrentUrl())
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (sameDocument()) {
            return this;
        }
        ((JavascriptExecutor) driver).executeScript("window." + SEEN + " = true");
        String page = pageName(driver.getCurrentUrl());
        Path file = screenshot(page);
        visited.add(shot + " " + page + " " + driver.getCurrentUrl());
        log.info("{} {}: {} ({})", testClass, testName, driver.getCurrentUrl(), file.getFileName());
        Axe.assertNoSeriousViolations(driver, testClass + "." + testName + " page " + shot + " " + page);
        return this;
    }

    /** Saves a screenshot of the whole page as {@code <test>-<n>-<name>.png}; returns the file. */
    public Path screenshot(String name) {
        shot++;
        Path file = screenshots.resolve(testClass).resolve(testName + "-" + shot + "-" + slug(name) + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** For a failed test: the page as shown and as HTML, next to its screenshots. */
    void keepFailure() {
        try {
            Path html = screenshots.resolve(testClass).resolve(testName + "-failed.html");
            Files.createDirectories(html.getParent());
            Files.writeString(html, driver.getPageSource(), StandardCharsets.UTF_8);
            Path png = screenshot("failed");
            System.err.println(
                    "\n*** the browser at the failure (" + driver.getCurrentUrl() + "): " + png + ", " + html);
        } catch (RuntimeException | IOException e) {
            log.warn("could not keep the failed page: {}", e.toString());
        }
    }

    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
            Map<String, Object> answer = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) answer.get("data"));
        } catch (RuntimeException e) {
            log.debug("full-page screenshot failed, taking the window: {}", e.toString());
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** {@code http://localhost:1/requests/REQ-1?x} -> {@code requests-REQ-1}; the root -> {@code start}. */
    static String pageName(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        String name = slug(path == null ? "" : path);
        return name.isEmpty() ? "start" : name;
    }

    static String slug(String text) {
        String slug = text.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /**
     * Ends Chromium and deletes its profile. (Not {@link AutoCloseable} on purpose: JUnit closes an AutoCloseable
     * test parameter after each test.)
     */
    void quit() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            log.warn("closing Chromium: {}", e.toString());
        }
        deleteRecursively(profile);
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
