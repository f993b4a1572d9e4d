package dev.gatehouse.application;

import dev.gatehouse.domain.Signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Signs with a plain SHA-256 of purpose and value: the shape of a real signature, and only ever its own. */
public final class FakeSigner implements Signer {

    @Override
    public String sign(Purpose purpose, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean verifies(Purpose purpose, String value, String signature) {
        return value != null && sign(purpose, value).equals(signature);
    }
}
