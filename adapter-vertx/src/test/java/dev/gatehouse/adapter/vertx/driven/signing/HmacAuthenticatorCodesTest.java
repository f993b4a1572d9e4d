package dev.gatehouse.adapter.vertx.driven.signing;

import dev.gatehouse.application.contract.AuthenticatorCodesContract;
import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.Totp;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The codes contract, and the codes apps show: RFC 6238's test vectors. */
class HmacAuthenticatorCodesTest extends AuthenticatorCodesContract {

    /** RFC 6238, appendix B: the SHA-1 secret, and its codes cut to the 6 digits apps show. */
    private static final TotpSecret RFC = new TotpSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Override
    protected AuthenticatorCodes createCodes() {
        return new HmacAuthenticatorCodes();
    }

    @ParameterizedTest(name = "at {0} s: {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037", "20000000000, 353130"})
    void givenTheRfcsTestVectors_thenTheCodesAreTheRfcs(long seconds, String expected) {
        assertEquals(expected, new HmacAuthenticatorCodes().code(RFC, Totp.step(Instant.ofEpochSecond(seconds))));
    }
}
