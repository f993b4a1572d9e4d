package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.SessionEnd;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.UserProfiles;
import dev.gatehouse.domain.access.AccessDecision;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.Resource;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * May this request through a protecting proxy pass? Who it is comes from {@link Greet} (the same
 * session checks as every page: timeouts, revocation, a changed password), what the user is from
 * {@link UserProfiles} (in memory), and the answer from the {@link AccessRules}. Every refusal
 * and every call to log in is audited, with the path but never the query (it may hold secrets);
 * what is let through is only counted, by the adapter, since it is every request of every
 * protected application.
 */
public final class Authorize {

    private final Greet greet;
    private final UserProfiles profiles;
    private final AccessRules rules;
    private final AuditLog audit;

    public Authorize(Greet greet, UserProfiles profiles, AccessRules rules, AuditLog audit) {
        this.greet = greet;
        this.profiles = profiles;
        this.rules = rules;
        this.audit = audit;
    }

    public AccessRules rules() {
        return rules;
    }

    public CompletionStage<AuthorizeResult> authorize(AuthorizeCommand command) {
        // The hot path: with the answers already there (in memory, they always are), no composing.
        CompletableFuture<Greeting> greeted = greet.greet(command.sessionId()).toCompletableFuture();
        if (greeted.isDone() && !greeted.isCompletedExceptionally() && greeted.join() instanceof Greeting.Welcome welcome) {
            CompletableFuture<Optional<UserProfile>> profile = profiles.profile(welcome.username()).toCompletableFuture();
            if (profile.isDone() && !profile.isCompletedExceptionally()) {
                return CompletableFuture.completedFuture(decide(command.resource(), profile.join(), multiFactor(welcome), Optional.empty()));
            }
        }
        return greeted.thenCompose(greeting -> greeting.fold(
                welcome -> profiles.profile(welcome.username()).thenApply(profile -> decide(command.resource(), profile, multiFactor(welcome),
                        Optional.empty())),
                nobody -> CompletableFuture.completedFuture(decide(command.resource(), Optional.empty(), false, nobody.sessionEnded()))));
    }

    private static boolean multiFactor(Greeting.Welcome welcome) {
        return welcome.session().authMethod().multiFactor();
    }

    private AuthorizeResult decide(Resource resource, Optional<UserProfile> user, boolean multiFactor, Optional<SessionEnd> sessionEnded) {
        AccessDecision decision = rules.decide(resource, user, multiFactor);
        return decision.fold(
                allowed -> new AuthorizeResult.Allowed(user, decision),
                loginRequired -> {
                    audit.record(refusal(resource, user, decision));
                    return new AuthorizeResult.LoginRequired(sessionEnded, decision);
                },
                secondFactor -> {
                    audit.record(refusal(resource, user, decision));
                    return new AuthorizeResult.SecondFactorRequired(user, decision);
                },
                denied -> {
                    audit.record(refusal(resource, user, decision));
                    return new AuthorizeResult.Denied(user, decision);
                });
    }

    private static AuditEvent refusal(Resource resource, Optional<UserProfile> user, AccessDecision decision) {
        String path = resource.pathAndQuery();
        int query = path.indexOf('?');
        String what = resource.method() + " " + resource.host() + (query < 0 ? path : path.substring(0, query));
        return new AuditEvent(AuditEvent.Kind.ACCESS_DENIED, user.map(UserProfile::user).orElse(null), null,
                resource.client().map(address -> address.getHostAddress()).orElse(null), what + ": " + decision.explanation());
    }
}
