package dev.gatehouse.application;

import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.domain.secondfactor.TotpSecret;

import java.util.Arrays;

/** Codes that depend on the secret and the step, without cryptography: for the use cases' tests. */
public final class FakeAuthenticatorCodes implements AuthenticatorCodes {

    @Override
    public String code(TotpSecret secret, long step) {
        long mixed = (Arrays.hashCode(secret.bytes()) * 0x9E3779B97F4A7C15L) ^ (step * 0xC2B2AE3D27D4EB4FL);
        return String.format("%06d", Math.floorMod(mixed ^ (mixed >>> 29), 1_000_000L));
    }
}
