package dev.gatehouse.application;

import dev.gatehouse.domain.Session;

/**
 * What the login form needs: the session whose CSRF token the form carries, and whether it was
 * started just now (so the visitor must be given its id).
 */
public record LoginForm(Session session, boolean started) {
}
