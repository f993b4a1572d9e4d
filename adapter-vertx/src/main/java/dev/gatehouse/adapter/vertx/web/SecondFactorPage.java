package dev.gatehouse.adapter.vertx.web;

/**
 * The second step of a login: one field for the code from the authenticator app or a recovery
 * code. {@code next} and {@code remember} carry the login form's choices on; {@code stepUp}: the
 * user is logged in already, with a password alone, and the page they opened asks for two factors;
 * {@code error} is null until a try went wrong; {@code retryAfterSeconds} how long a throttled try
 * must wait (0: none). {@code codes} and {@code passkeys}: which of the two the user can give.
 */
public record SecondFactorPage(String csrfToken, String username, String next, boolean remember, boolean codes, boolean recoveryCodes,
                               boolean passkeys, boolean stepUp, String error, long retryAfterSeconds) {
}
