package dev.gatehouse.application.contract;

import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every source of authenticator codes must do, the real HMAC and the fakes alike. */
public abstract class AuthenticatorCodesContract {

    protected abstract AuthenticatorCodes createCodes();

    @Test
    protected void givenASecretAndAStep_thenTheCodeIsSixDigitsAndAlwaysTheSame() {
        AuthenticatorCodes codes = createCodes();
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        for (long step = 0; step < 50; step++) {
            String code = codes.code(secret, step);
            assertTrue(code.matches("[0-9]{" + Totp.DIGITS + "}"), code);
            assertEquals(code, codes.code(new TotpSecret(secret.bytes()), step), "it depends on the secret and the step only");
        }
    }

    @Test
    protected void givenOtherStepsOrSecrets_thenTheCodesDiffer() {
        AuthenticatorCodes codes = createCodes();
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        Set<String> byStep = new HashSet<>();
        Set<String> bySecret = new HashSet<>();
        for (long step = 0; step < 100; step++) {
            byStep.add(codes.code(secret, step));
            bySecret.add(codes.code(TotpSecret.generate(new SecureRandom()), 7));
        }
        assertTrue(byStep.size() > 90 && bySecret.size() > 90, byStep.size() + " and " + bySecret.size() + " distinct codes of 100");
    }
}
