package dev.gatehouse.application;

import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One-time messages carried in the session across a redirect ("You have been logged out."). Where
 * the visitor has no live session any more (after a logout, or when theirs has ended), a new
 * anonymous one carries the message; the page that shows it removes it, so it shows once.
 */
public final class Flashes {

    /** The session attribute that holds the message's name until it is shown. */
    public static final String ATTRIBUTE = "gatehouse.flash";
    private static final CompletionStage<Optional<FlashMessage>> NONE = CompletableFuture.completedFuture(Optional.empty());

    private final SessionRepository sessions;
    private final Clock clock;

    public Flashes(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A new anonymous session whose only content is the message for the next page. */
    public CompletionStage<Session> carry(FlashMessage message) {
        Session session = Session.startAnonymous(Channel.WEB, clock.instant()).withAttribute(ATTRIBUTE, message.name());
        return sessions.save(session).thenApply(saved -> session);
    }

    /** The message a loaded session carries, if any, removed from it. */
    public CompletionStage<Optional<FlashMessage>> take(Session session) {
        Optional<FlashMessage> message = FlashMessage.named(session.attributes().getOrDefault(ATTRIBUTE, ""));
        if (message.isEmpty()) {
            return NONE;
        }
        // An attribute is removed by emptying it: the store writes one field, as for any other attribute.
        return sessions.putAttribute(session.id(), ATTRIBUTE, "").thenApply(written -> message);
    }
}
