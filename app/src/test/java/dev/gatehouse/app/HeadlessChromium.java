package dev.gatehouse.app;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, driven through its own chromedriver (packages chromium and
 * chromium-driver, which .ci/run installs), for one test. Without them the test is skipped with
 * one line, unless LOCAL_SERVICES=required (CI) or BROWSER_TEST=required makes that a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a page may take to arrive: an upper bound on waiting for an event, never a pause. */
    private static final Duration PAGE = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PAGE);
    }

    static HeadlessChromium start(Path profile) {
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
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    /** The colour scheme the pages see, as an operating system's dark mode would set it. */
    void scheme(String lightOrDark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", lightOrDark))));
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Logs in through the form, as a person would, and waits for the page it leads to. */
    void logIn(String site, String username, String password) {
        driver.get(site + "/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        submit(By.cssSelector("form[action='/login'] button[type=submit]"));
    }

    /** Clicks and waits until the page the click leads to has replaced this one. */
    void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        // Chromium may still be settling the page it just loaded (its DOM ids move under us): find the
        // button again when it says so, a few times at most.
        for (int tries = 1; ; tries++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(button)).click();
                break;
            } catch (WebDriverException settling) {
                boolean moved = settling instanceof StaleElementReferenceException
                        || String.valueOf(settling.getMessage()).contains("does not belong to the document");
                if (tries == 3 || !moved) {
                    throw settling;
                }
            }
        }
        wait.until(driver -> gone(page));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /**
     * Whether the page an element was found on has been replaced. Chromium says so either as a
     * stale element or, while it swaps the document, as a node that "does not belong to the
     * document", which Selenium's own staleness check does not take for an answer.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException swapping) {
            if (String.valueOf(swapping.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw swapping;
        }
    }

    String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The id of the element that has the keyboard focus. */
    String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement.id");
    }

    /** Whether the page is wider than the window (a sideways scroll bar at a phone's width). */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** The relative luminance of an element's computed background colour, 0 (black) to 1 (white). */
    double backgroundLuminance(By element) {
        String rgb = driver.findElement(element).getCssValue("background-color");
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = Double.parseDouble(parts[i]) / 255;
            linear[i] = channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    @Override
    public void close() {
        driver.quit();
    }
}
