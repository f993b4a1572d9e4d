package dev.gatehouse.app;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account's pages as a person uses them in a real browser ({@link HeadlessChromium}): the frame
 * every logged-in page shares, the preferences, the sessions table and what a form does with a
 * mistake. What each page looks like to axe-core is {@link BrowserEndToEndTest}'s.
 */
class AccountPagesInBrowserTest extends InChromium {

    private static final List<String> LOGGED_IN_PAGES = List.of("/", "/home", "/sessions", "/password", "/account/two-factor", "/logout");

    private WebElement bar() {
        return chromium.driver.findElement(By.cssSelector("header.bar"));
    }

    @Test
    void givenEveryLoggedInPageAtDesktopAndPhoneWidths_thenOneFrameNamesTheUserAndLinksEverySectionWithTheCurrentOneMarked() {
        chromium.logIn(site, "admin", server.adminPassword);
        for (int width : new int[] {1200, 390}) {
            chromium.size(width, 800);
            for (String page : LOGGED_IN_PAGES) {
                chromium.driver.get(site + page);
                assertTrue(bar().getText().startsWith("Logged in as admin"), page + ": " + bar().getText());
                List<WebElement> links = bar().findElements(By.cssSelector("nav a"));
                assertEquals(List.of("Home", "Preferences", "Sessions", "Password", "Two-factor"), links.stream().map(WebElement::getText).toList(), page);
                assertTrue(links.stream().allMatch(WebElement::isDisplayed), "every link is on screen at " + width + " px: " + page);
                List<String> current = bar().findElements(By.cssSelector("nav a[aria-current=page]")).stream()
                        .map(link -> link.getAttribute("href")).toList();
                assertEquals(page.equals("/logout") ? List.of() : List.of(site + page), current, "the page itself is marked: " + page);
                assertTrue(bar().findElement(By.cssSelector("nav button")).getText().equals("Log out"), page);
                assertFalse(chromium.scrollsSideways(), "no sideways scrolling at " + width + " px: " + page);
            }
        }

        chromium.driver.get(site + "/");
        chromium.submit(By.linkText("Sessions"));
        assertEquals("Your sessions", chromium.h1());
        chromium.submit(By.linkText("Password"));
        assertEquals("Change your password", chromium.h1());
        chromium.submit(By.cssSelector("header.bar nav button"));
        assertEquals("Welcome to Gatehouse", chromium.h1());
        assertTrue(chromium.body().contains("You have been logged out."), chromium.body());
        assertTrue(chromium.driver.findElements(By.cssSelector("header.bar")).isEmpty(), "no frame for nobody");
    }

    @Test
    void givenPreferencesSaved_thenTheThemeChangesEveryPageAndEachListShowsTheSavedValue() {
        chromium.logIn(site, "admin", server.adminPassword);
        chromium.driver.get(site + "/home");
        double light = chromium.backgroundLuminance(By.tagName("body"));

        new Select(chromium.driver.findElement(By.id("theme"))).selectByVisibleText("Dark");
        chromium.submit(By.xpath("//button[.='Save theme']"));
        assertEquals("Dark", new Select(chromium.driver.findElement(By.id("theme"))).getFirstSelectedOption().getText());
        double dark = chromium.backgroundLuminance(By.tagName("body"));
        assertTrue(light > 0.5 && dark < 0.1, "the page turned dark: " + light + " then " + dark);
        chromium.driver.get(site + "/sessions");
        assertEquals(dark, chromium.backgroundLuminance(By.tagName("body")), 0.001, "on every page of the account");

        chromium.driver.get(site + "/home");
        new Select(chromium.driver.findElement(By.id("language"))).selectByVisibleText("Français");
        chromium.submit(By.xpath("//button[.='Save language']"));
        assertEquals("Bienvenue admin!", chromium.h1());
        assertEquals("Français", new Select(chromium.driver.findElement(By.id("language"))).getFirstSelectedOption().getText());
        assertEquals("Dark", new Select(chromium.driver.findElement(By.id("theme"))).getFirstSelectedOption().getText(), "the other one kept");

        new Select(chromium.driver.findElement(By.id("theme"))).selectByVisibleText("Light");
        chromium.submit(By.xpath("//button[.='Save theme']"));
        assertEquals(light, chromium.backgroundLuminance(By.tagName("body")), 0.001);
    }

    @Test
    void givenTwoDevices_thenTheTableShowsThisOneFirstAndMarkedWithRelativeTimesAndEndsTheOther(Vertx vertx) {
        chromium.logIn(site, "admin", server.adminPassword);
        Browser phone = new Browser(vertx, server.port());
        assertEquals(303, phone.logIn("admin", server.adminPassword).statusCode());
        server.clock.advance(java.time.Duration.ofMinutes(5));

        for (int width : new int[] {1200, 390}) {
            chromium.size(width, 800);
            chromium.driver.get(site + "/sessions");
            List<WebElement> rows = chromium.driver.findElements(By.cssSelector("table.sessions tbody tr"));
            assertEquals(2, rows.size());
            assertEquals("current", rows.get(0).getAttribute("class"), "this device first");
            assertTrue(rows.get(0).getText().contains("This device"), rows.get(0).getText());
            assertFalse(rows.get(1).getText().contains("This device"));
            WebElement loggedIn = rows.get(1).findElement(By.tagName("time"));
            assertEquals("5 minutes ago", loggedIn.getText());
            assertTrue(loggedIn.getAttribute("title").contains("2026"), "the exact time on hover: " + loggedIn.getAttribute("title"));
            assertTrue(rows.get(0).findElements(By.tagName("button")).isEmpty(), "this session is ended by logging out, not here");
            assertTrue(rows.get(1).findElement(By.tagName("button")).getAttribute("class").contains("secondary"), "End is not a primary button");
            assertFalse(chromium.scrollsSideways(), "the table fits at " + width + " px");
        }

        chromium.submit(By.cssSelector("table.sessions tbody tr:nth-child(2) button"));
        assertEquals(1, chromium.driver.findElements(By.cssSelector("table.sessions tbody tr")).size());
        assertTrue(phone.get("/").bodyAsString().contains("You ended this session from another one."), "the phone is told why");
    }

    @Test
    void givenAFailedLogin_thenTheNameIsKeptThePasswordIsNotAndTheCursorAndTheMessageAreOnThePassword() {
        chromium.logIn(site, "admin", "not the password at all");
        WebElement password = chromium.driver.findElement(By.id("password"));
        assertTrue(chromium.body().contains("Invalid username or password."));
        assertEquals("admin", chromium.driver.findElement(By.id("username")).getAttribute("value"));
        assertEquals("", password.getAttribute("value"), "a password is never written back into a page");
        assertEquals("password", chromium.focused());
        assertEquals("form-error", password.getAttribute("aria-describedby"));
        assertEquals("true", password.getAttribute("aria-invalid"));

        chromium.driver.findElement(By.id("password")).sendKeys(server.adminPassword);
        chromium.submit(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertTrue(chromium.body().contains("Hello, admin!"), "typing the password is all it takes: " + chromium.body());
    }

    @Test
    void givenAThrottledLogin_thenTheButtonCountsTheWaitDown() {
        // Twelve failures, each let through by the server's clock, make a back-off of two minutes: long
        // enough that the countdown is still running when the page is read, whatever this machine's speed.
        for (int i = 0; i < 12; i++) {
            server.clock.advance(java.time.Duration.ofMinutes(15));
            chromium.logIn(site, "admin", "not the password at all");
        }
        chromium.logIn(site, "admin", "not the password at all");
        WebElement button = chromium.driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertTrue(chromium.body().contains("Too many failed login attempts. Try again in 3 minutes."), chromium.body());
        assertFalse(button.isEnabled(), "disabled until the wait is over");
        assertTrue(button.getText().strip().matches("Log in \\(in \\d+ (s|min)\\)"), button.getText());
    }

    @Test
    void givenAFailedPasswordChange_thenTheFieldAtFaultHasTheCursorAndTheMessage() {
        chromium.logIn(site, "admin", server.adminPassword);
        String fresh = "mauve kettle drifts over quiet rooftops";

        changePassword(server.adminPassword, fresh, fresh + " but different");
        assertTrue(chromium.body().contains("The new passwords do not match."), chromium.body());
        assertAtFault("repeat");

        changePassword("not my password at all", fresh, fresh);
        assertAtFault("current");

        changePassword(server.adminPassword, "passwordpassword", "passwordpassword");
        assertAtFault("new");
    }

    private void changePassword(String current, String fresh, String repeat) {
        chromium.driver.get(site + "/password");
        chromium.driver.findElement(By.id("current")).sendKeys(current);
        chromium.driver.findElement(By.id("new")).sendKeys(fresh);
        chromium.driver.findElement(By.id("repeat")).sendKeys(repeat);
        chromium.submit(By.xpath("//button[.='Change password']"));
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
    }

    /** Only this field is marked and described by the message, it has the cursor, and every field is empty again. */
    private void assertAtFault(String field) {
        assertEquals(field, chromium.focused());
        for (String id : List.of("current", "new", "repeat")) {
            WebElement input = chromium.driver.findElement(By.id(id));
            assertEquals("", input.getAttribute("value"), id);
            if (id.equals(field)) {
                assertEquals("form-error", input.getAttribute("aria-describedby"), id);
                assertEquals("true", input.getAttribute("aria-invalid"), id);
            } else {
                assertNull(input.getAttribute("aria-invalid"), id);
            }
        }
    }
}
