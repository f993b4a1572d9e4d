package dev.gatehouse.app;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial in a real browser ({@link HeadlessChromium}): log in through the form, be greeted,
 * reload, log out, press Back, and find no authenticated page in the cache; and every page checked
 * by axe-core.
 */
@ExtendWith(VertxExtension.class)
class BrowserEndToEndTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    private HeadlessChromium chromium;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() {
        chromium = HeadlessChromium.start(profile);
        driver = chromium.driver;
        wait = chromium.wait;
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
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
    void givenAnApplicationBehindNginx_thenTheBrowserLogsInAtThePortalAndComesBackToTheApplication(Vertx vertx, @TempDir Path proxyDir)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProtectedSite.installed("nginx"), "needs Debian's nginx (apt-get install nginx-light)");
        try (ProtectedSite site = new ProtectedSite(vertx, "nginx", dataDir, proxyDir)) {
            driver.get(site.app("/reports?q=1"));
            wait.until(ExpectedConditions.urlContains("auth.example.localhost"));
            assertTrue(driver.getCurrentUrl().startsWith(site.portal("/login?next=")), driver.getCurrentUrl());
            driver.findElement(By.name("username")).sendKeys("bob");
            driver.findElement(By.name("password")).sendKeys(ProtectedSite.PASSWORD);
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

            try {
                wait.until(ExpectedConditions.urlToBe(site.app("/reports?q=1")));
            } catch (org.openqa.selenium.TimeoutException stayed) {
                throw new AssertionError("the login did not come back: " + driver.getCurrentUrl() + "\n" + body() + "\ncookies: "
                        + driver.manage().getCookies(), stayed);
            }
            String seen = body();
            assertTrue(seen.contains("\"remote-user\":\"bob\"") && seen.contains("\"remote-groups\":\"staff\""), seen);
            assertFalse(seen.contains("gh_session"), "the application never sees the session cookie: " + seen);
            assertEquals("example.localhost", driver.manage().getCookieNamed("__Secure-gh_session").getDomain().replaceFirst("^\\.", ""),
                    "one cookie for the portal and the application");

            driver.get(site.app("/admin"));
            assertTrue(body().contains("403"), "denied without a loop: " + body());
        }
    }

    @Test
    void givenEveryPageInLightAndDarkAtDesktopAndPhoneWidths_thenAxeFindsNothingSeriousOrCritical(Vertx vertx) {
        TestServer server = new TestServer(vertx, dataDir);
        String site = "http://127.0.0.1:" + server.port();
        List<String> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            chromium.scheme(scheme);
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
        return chromium.body();
    }
}
