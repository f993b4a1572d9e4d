package dev.gatehouse.domain;

import java.util.Optional;

/**
 * Encrypts and authenticates a value under a key only the servers have (derived from the server
 * secret), bound to a context: what is sealed for one context does not open in another. What
 * leaves the server sealed (an enrolment in progress, in a form) can be neither read nor forged.
 */
public interface Sealer {

    String seal(byte[] plain, String boundTo);

    /** The plain bytes, or empty when the value was changed, sealed for another context, or by a key no longer listed. */
    Optional<byte[]> open(String sealed, String boundTo);
}
