package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import io.vertx.ext.auth.otp.OtpKey;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enrolment and the code step in headless Chromium, as a person does them: the key is read off
 * the page where a phone would scan the QR code, and the code computed from it as the app would.
 */
class SecondFactorInBrowserTest extends InChromium {

    private String codeNow(TotpSecret secret) {
        return new HmacAuthenticatorCodes().code(secret, Totp.step(server.clock.instant()));
    }

    @Test
    void givenASetUpByReadingTheKeyOffThePage_thenTheNextLoginAsksForTheAppsCodeAndARecoveryCodeWorksOnce() {
        chromium.size(390, 844);
        chromium.logIn(site, "admin", server.adminPassword);
        chromium.driver.get(site + "/account/two-factor");
        assertTrue(chromium.body().contains("Two-factor authentication is off"), chromium.body());
        chromium.driver.findElement(By.id("setup-password")).sendKeys(server.adminPassword);
        chromium.submit(By.cssSelector("form[action='/account/two-factor/setup'] button"));

        assertEquals("Set up an authenticator app", chromium.h1());
        WebElement qr = chromium.driver.findElement(By.cssSelector(".qr svg"));
        assertTrue(qr.isDisplayed() && qr.getSize().getWidth() >= 150, "a QR code a phone can scan: " + qr.getSize());
        assertFalse(chromium.scrollsSideways(), "fits a phone");
        TotpSecret secret = new TotpSecret(new OtpKey().setKey(chromium.driver.findElement(By.id("key")).getText().replace(" ", "")).getKeyBytes());
        assertEquals("code", chromium.focused(), "the cursor waits in the code field");
        chromium.driver.findElement(By.id("code")).sendKeys(codeNow(secret));
        chromium.submit(By.cssSelector("form[action='/account/two-factor/confirm'] button"));

        assertEquals("Two-factor authentication is on", chromium.h1());
        List<String> codes = chromium.driver.findElements(By.cssSelector("ul.codes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size());
        String download = chromium.driver.findElement(By.cssSelector("a[download='recovery-codes.txt']")).getAttribute("href");
        String file = URLDecoder.decode(download.substring(download.indexOf(',') + 1), StandardCharsets.UTF_8);
        assertTrue(codes.stream().allMatch(file::contains), "the download holds the codes shown: " + file);

        chromium.submit(By.cssSelector("nav + form button, header form button"));
        server.clock.advance(Totp.STEP);
        chromium.logIn(site, "admin", server.adminPassword);
        assertEquals("Two-factor authentication", chromium.h1());
        assertTrue(chromium.driver.getCurrentUrl().endsWith("/login/second-factor"), chromium.driver.getCurrentUrl());
        assertEquals("code", chromium.focused());
        chromium.driver.findElement(By.id("code")).sendKeys("000000".equals(codeNow(secret)) ? "111111" : "000000");
        chromium.submit(By.cssSelector("form[action='/login/second-factor'] button[type=submit]"));
        assertTrue(chromium.body().contains("That code is not right."), chromium.body());
        assertEquals("true", chromium.driver.findElement(By.id("code")).getAttribute("aria-invalid"));
        chromium.driver.findElement(By.id("code")).sendKeys(codes.get(0));
        chromium.submit(By.cssSelector("form[action='/login/second-factor'] button[type=submit]"));
        assertTrue(chromium.driver.getCurrentUrl().endsWith("/account/two-factor"), "where the codes left are counted");
        assertTrue(chromium.body().contains("You logged in with a recovery code, which will not work again."), chromium.body());
        assertTrue(chromium.body().contains("Recovery codes left: 9 of 10."), chromium.body());
        chromium.driver.get(site + "/");
        assertTrue(chromium.body().contains("Hello, admin!"), chromium.body());
    }
}
