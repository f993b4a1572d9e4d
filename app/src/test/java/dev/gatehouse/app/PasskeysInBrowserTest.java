package dev.gatehouse.app;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys in headless Chromium against its virtual authenticator (a platform authenticator that
 * keeps discoverable credentials and verifies its user), on {@code http://localhost}, where
 * WebAuthn works without TLS: added on the account page, then used without a password, and as
 * the second step after one; renamed and removed.
 */
class PasskeysInBrowserTest extends InChromium {

    @Override
    String host() {
        return "localhost";
    }

    private String authenticatedWith() {
        chromium.driver.get(site + "/api/session");
        return new JsonObject(chromium.driver.findElement(By.tagName("body")).getText()).getString("authenticatedWith");
    }

    private void logOut() {
        chromium.driver.get(site + "/");
        chromium.submit(By.cssSelector("main form[action='/logout'] button"));
    }

    @Test
    void givenAPasskeyAdded_thenItSignsInWithoutAPasswordAndServesAsTheSecondStepAfterOne() {
        VirtualAuthenticator authenticator = chromium.driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        chromium.logIn(site, "admin", server.adminPassword);
        chromium.driver.get(site + "/account/two-factor");
        chromium.driver.findElement(By.id("passkey-name")).sendKeys("laptop");
        chromium.submit(By.cssSelector("form[data-passkey-register] button"));
        assertTrue(chromium.body().contains("Your passkey was added."), chromium.body());
        assertEquals("laptop", chromium.driver.findElement(By.cssSelector("input[name=name][id^=name-]")).getAttribute("value"));
        assertEquals(1, authenticator.getCredentials().size(), "the authenticator holds it");

        logOut();
        chromium.driver.get(site + "/login");
        chromium.submit(By.cssSelector("form[data-passkey-login] button"));
        assertTrue(chromium.body().contains("Hello, admin!"), chromium.body());
        assertEquals("passkey_verified", authenticatedWith(), "a passkey its owner unlocked: two factors");

        logOut();
        chromium.logIn(site, "admin", server.adminPassword);
        assertTrue(chromium.driver.getCurrentUrl().endsWith("/login/second-factor"), "a passkey is a second factor: " + chromium.driver.getCurrentUrl());
        assertFalse(chromium.body().contains("Authentication code"), "no authenticator app: no code field");
        chromium.submit(By.cssSelector("form[data-passkey-login] button"));
        assertTrue(chromium.body().contains("Hello, admin!"), chromium.body());
        assertEquals("password_and_passkey", authenticatedWith());

        chromium.driver.get(site + "/account/two-factor");
        var name = chromium.driver.findElement(By.cssSelector("input[name=name][id^=name-]"));
        name.clear();
        name.sendKeys("work laptop");
        chromium.submit(By.cssSelector("form[action='/account/passkeys/rename'] button"));
        assertTrue(chromium.body().contains("Passkey renamed."), chromium.body());
        chromium.submit(By.cssSelector("form[action='/account/passkeys/remove'] button"));
        assertTrue(chromium.body().contains("Passkey removed."), chromium.body());
        assertTrue(chromium.driver.findElements(By.cssSelector("form[action='/account/passkeys/remove']")).isEmpty());

        logOut();
        chromium.driver.get(site + "/login");
        chromium.driver.findElement(By.cssSelector("form[data-passkey-login] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver, java.time.Duration.ofSeconds(20)).until(driver ->
                driver.findElement(By.cssSelector("form[data-passkey-login] .passkey-error")).isDisplayed());
        assertTrue(chromium.driver.findElement(By.cssSelector("form[data-passkey-login] .passkey-error")).getText()
                .contains("That passkey could not be used here."), "a removed passkey is refused");
    }
}
