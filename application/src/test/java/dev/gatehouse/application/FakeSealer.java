package dev.gatehouse.application;

import dev.gatehouse.domain.Sealer;

import java.util.Base64;
import java.util.Optional;

/** "Sealing" that only binds the value to its context, in the clear: for the use cases' tests. */
public final class FakeSealer implements Sealer {

    @Override
    public String seal(byte[] plain, String boundTo) {
        return Base64.getUrlEncoder().encodeToString(boundTo.getBytes()) + "." + Base64.getUrlEncoder().encodeToString(plain);
    }

    @Override
    public Optional<byte[]> open(String sealed, String boundTo) {
        String prefix = Base64.getUrlEncoder().encodeToString(boundTo.getBytes()) + ".";
        return sealed != null && sealed.startsWith(prefix)
                ? Optional.of(Base64.getUrlDecoder().decode(sealed.substring(prefix.length()))) : Optional.empty();
    }
}
