package dev.gatehouse.application;

import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.PreLogin;

import java.util.Optional;

/**
 * What the login form needs: the CSRF token it carries, and a pre-login value when one was made
 * just now, which the visitor must be given (in a cookie) for the token to be accepted.
 * {@code halfway}: the visitor's session is a login waiting for its second factor, whose page
 * they should be sent to instead (from there, Cancel starts over).
 */
public record LoginForm(CsrfToken csrfToken, Optional<PreLogin> issued, boolean halfway) {
}
