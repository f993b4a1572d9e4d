package dev.gatehouse.application;

import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.PreLogin;

import java.util.Optional;

/**
 * What the login form needs: the CSRF token it carries, and a pre-login value when one was made
 * just now, which the visitor must be given (in a cookie) for the token to be accepted.
 */
public record LoginForm(CsrfToken csrfToken, Optional<PreLogin> issued) {
}
