package dev.gatehouse.application;

import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.CsrfToken;
import dev.gatehouse.domain.PreLogin;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Shows the login form, storing nothing. A visitor with a live session gets that session's CSRF
 * token; anyone else gets the signature of their pre-login value (a new one when they bring
 * none), so that a stranger, however many forms they open, costs the store nothing.
 */
public final class OpenLoginForm {

    private final CurrentSession current;
    private final Signer signer;

    public OpenLoginForm(SessionRepository sessions, Signer signer, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, audit, policy, clock);
        this.signer = signer;
    }

    public CompletionStage<LoginForm> open(Optional<SessionId> sessionId, Optional<PreLogin> preLogin) {
        return current.find(sessionId).thenApply(found -> {
            if (found.isPresent()) {
                return new LoginForm(found.get().csrfToken(), Optional.empty(), found.get().pendingLogin().isPresent());
            }
            PreLogin kept = preLogin.orElseGet(PreLogin::generate);
            return new LoginForm(formToken(signer, kept), preLogin.isPresent() ? Optional.empty() : Optional.of(kept), false);
        });
    }

    /** The CSRF token of a login form opened without a session: the pre-login value's signature. */
    static CsrfToken formToken(Signer signer, PreLogin preLogin) {
        return new CsrfToken(signer.sign(Signer.Purpose.LOGIN_FORM, preLogin.value()));
    }
}
