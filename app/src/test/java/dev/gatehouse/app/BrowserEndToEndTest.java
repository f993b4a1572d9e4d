package dev.gatehouse.app;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial in a real browser: Debian's headless Chromium, driven through its own chromedriver
 * (packages chromium and chromium-driver, which .ci/run installs). Log in through the form, be
 * greeted, reload, log out, press Back, and find no authenticated page in the cache.
 */
@ExtendWith(VertxExtension.class)
class BrowserEndToEndTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a page may take to arrive: an upper bound on waiting for an event, never a pause. */
    private static final Duration PAGE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && ("required".equals(System.getenv("LOCAL_SERVICES")) || "required".equals(System.getenv("BROWSER_TEST")))) {
            throw new AssertionError("BROWSER_TEST=required, but chromium and chromedriver are missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PAGE);
    }

    @AfterEach
    void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void givenTheFormInARealBrowser_thenLoginGreetsReloadKeepsItLogoutEndsItAndBackShowsNothingPrivate(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        String site = "http://127.0.0.1:" + server.port();

        driver.get(site + "/home");
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys(server.adminPassword);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe(site + "/home"));
        assertTrue(body().contains("Welcome admin!"), body());
        driver.navigate().refresh();
        assertTrue(body().contains("Welcome admin!"), "still logged in after a reload: " + body());

        driver.get(site + "/");
        assertTrue(body().contains("Hello, admin!"), body());
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome to Gatehouse"));
        assertEquals(site + "/", driver.getCurrentUrl());

        // Back, twice, through every page seen while logged in: none may come back from a cache.
        driver.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertFalse(body().contains("admin"), "Back showed an authenticated page: " + body());
        driver.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertFalse(body().contains("admin"), "Back showed an authenticated page: " + body());
        driver.get(site + "/home");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void givenRememberMeTicked_thenAReopenedBrowserIsLoggedInAgainButNotFresh(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        String site = "http://127.0.0.1:" + server.port();

        driver.get(site + "/login");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys(server.adminPassword);
        driver.findElement(By.name("remember")).click();
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        assertTrue(driver.manage().getCookieNamed("__Host-gh_remember").getExpiry() != null, "the remember-me cookie outlives the browser session");

        // The browser is closed and opened again: its session cookie is gone, the remember-me cookie stays.
        driver.manage().deleteCookieNamed("__Host-gh_session");
        driver.get(site + "/home");

        assertTrue(body().contains("Welcome admin!"), body());
        driver.get(site + "/password");
        assertTrue(body().contains("logged in automatically"), body());
    }

    @Test
    void givenEveryPageInLightAndDarkAtDesktopAndPhoneWidths_thenAxeFindsNothingSeriousOrCritical(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        String site = "http://127.0.0.1:" + server.port();
        List<String> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (Dimension size : List.of(new Dimension(1200, 800), new Dimension(390, 844))) {
                driver.manage().window().setSize(size);
                driver.manage().deleteAllCookies();
                driver.get(site + "/");
                found.addAll(violations(scheme, size, "/ (not logged in)"));
                driver.get(site + "/login");
                driver.findElement(By.name("username")).sendKeys("admin");
                driver.findElement(By.name("password")).sendKeys("not the password at all");
                driver.findElement(By.cssSelector("form[action='/login'] button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.className("error")));
                found.addAll(violations(scheme, size, "/login with an error"));
                driver.findElement(By.name("password")).sendKeys(server.adminPassword);
                driver.findElement(By.cssSelector("form[action='/login'] button")).click();
                wait.until(ExpectedConditions.urlToBe(site + "/"));
                for (String page : List.of("/", "/home", "/sessions", "/password", "/logout")) {
                    driver.get(site + page);
                    found.addAll(violations(scheme, size, page));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** What axe-core (bundled, WCAG 2.2 A and AA rules) finds serious or critical on the page shown now. */
    private List<String> violations(String scheme, Dimension size, String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(driver);
        assertTrue(results.getPasses().stream().anyMatch(rule -> rule.getId().equals("color-contrast")), "axe ran, contrast included, on " + page);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> page + " (" + scheme + ", " + size.getWidth() + " px): " + rule.getId() + ": " + rule.getHelp())
                .toList();
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }
}
