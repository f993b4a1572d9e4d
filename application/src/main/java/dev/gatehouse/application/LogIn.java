package dev.gatehouse.application;

import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.AuthenticationService;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Logs a visitor in: checks the form's CSRF token against its session, then the credentials,
 * then replaces the session with a new one (new id, new token, same attributes) so that an id
 * known before login is worthless after it.
 */
public final class LogIn {

    private final CurrentSession current;
    private final SessionRepository sessions;
    private final AuthenticationService authentication;
    private final Clock clock;

    public LogIn(SessionRepository sessions, AuthenticationService authentication, SessionPolicy policy, Clock clock) {
        this.current = new CurrentSession(sessions, policy, clock);
        this.sessions = sessions;
        this.authentication = authentication;
        this.clock = clock;
    }

    public CompletionStage<LoginResult> logIn(LogInCommand command) {
        return current.find(command.sessionId()).thenCompose(found -> {
            Optional<Session> form = found.filter(session -> session.csrfToken().matches(command.csrfToken()));
            if (form.isEmpty()) {
                command.password().wipe();
                return CompletableFuture.completedFuture(new LoginResult.FormExpired());
            }
            return check(command.username(), command.password()).thenCompose(outcome -> {
                if (outcome instanceof Authentication.Authenticated authenticated) {
                    return replace(form.get(), authenticated.username());
                }
                return CompletableFuture.completedFuture(new LoginResult.Rejected(form.get()));
            });
        });
    }

    private CompletionStage<Authentication> check(String typedUsername, Password password) {
        Optional<Username> username = Username.parse(typedUsername);
        if (username.isEmpty() || password.isEmpty() || password.codePointCount() > Password.MAX_CODE_POINTS) {
            // No user can have this name or password, so there is nothing to hash.
            password.wipe();
            return CompletableFuture.completedFuture(new Authentication.Rejected());
        }
        Credentials credentials = new Credentials(username.get(), password);
        return authentication.authenticate(credentials).whenComplete((outcome, failure) -> credentials.wipe());
    }

    private CompletionStage<LoginResult> replace(Session before, Username username) {
        Session after = before.loggedInAs(username, clock.instant());
        return sessions.delete(before.id())
                .thenCompose(deleted -> sessions.save(after))
                .thenApply(saved -> new LoginResult.LoggedIn(after));
    }
}
