package dev.gatehouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session: its id, the user it is logged in as (if any), its CSRF token, the
 * attributes the application keeps in it, and when it was created and last seen. It is
 * immutable: every change yields a new session.
 */
public final class Session {

    private final SessionId id;
    private final Username user;
    private final Channel channel;
    private final String device;
    private final long credentialVersion;
    private final CsrfToken csrfToken;
    private final Map<String, String> attributes;
    private final Instant createdAt;
    private final Instant lastSeenAt;

    public Session(SessionId id, Optional<Username> user, long credentialVersion, Channel channel, String device, CsrfToken csrfToken, Map<String, String> attributes,
                   Instant createdAt, Instant lastSeenAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.user = user.orElse(null);
        this.credentialVersion = credentialVersion;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.device = Objects.requireNonNull(device, "device");
        this.csrfToken = Objects.requireNonNull(csrfToken, "csrfToken");
        // Compact immutable maps: a logged-in session holds one or two attributes, and a server holds many sessions.
        this.attributes = Map.copyOf(attributes);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSeenAt = Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (lastSeenAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a session cannot be seen before it was created");
        }
    }

    /** A new session for a visitor who is not logged in yet (it carries the login form's token). */
    public static Session startAnonymous(Channel channel, Instant now) {
        return new Session(SessionId.generate(), Optional.empty(), 0, channel, "", CsrfToken.generate(), Map.of(), now, now);
    }

    public SessionId id() {
        return id;
    }

    public Optional<Username> user() {
        return Optional.ofNullable(user);
    }

    public boolean isLoggedIn() {
        return user != null;
    }

    /** The version of the user's credentials at login (see {@link CredentialVersions}); 0 for an anonymous session. */
    public long credentialVersion() {
        return credentialVersion;
    }

    /** Where the session was started: a browser or the terminal. */
    public Channel channel() {
        return channel;
    }

    /** What the session was made on, as its user would recognise it ("Firefox on Linux", "terminal"); empty when unknown. */
    public String device() {
        return device;
    }

    /** The same session, said to be on this device. */
    public Session describedAs(String newDevice) {
        return new Session(id, user(), credentialVersion, channel, newDevice, csrfToken, attributes, createdAt, lastSeenAt);
    }

    public CsrfToken csrfToken() {
        return csrfToken;
    }

    /** Whether a submitted form or header carries this session's CSRF token (compared in constant time): every state change asks. */
    public boolean csrfMatches(String submitted) {
        return csrfToken.matches(submitted);
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    /**
     * The first instant at which the session is no longer valid: idle or absolute, whichever comes
     * first; for a login half-way, {@link #SECOND_FACTOR_TIME} after the password was right.
     */
    public Instant expiresAt(SessionPolicy policy) {
        Instant end = policy.expiresAt(createdAt, lastSeenAt);
        if (attributes.containsKey(PENDING_USER)) {
            Instant pendingEnd = createdAt.plus(SECOND_FACTOR_TIME);
            return pendingEnd.isBefore(end) ? pendingEnd : end;
        }
        return end;
    }

    public boolean isExpiredAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(expiresAt(policy));
    }

    /** True when the recorded last-seen time is stale enough that this request should move it. */
    public boolean needsTouchAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(lastSeenAt.plus(policy.touchInterval()));
    }

    public Session touchedAt(Instant now) {
        return new Session(id, user(), credentialVersion, channel, device, csrfToken, attributes, createdAt, now.isAfter(lastSeenAt) ? now : lastSeenAt);
    }

    /** {@link #loggedInAs(Username, long, AuthMethod, Instant)} with a password alone. */
    public Session loggedInAs(Username username, long credentialVersion, Instant now) {
        return loggedInAs(username, credentialVersion, AuthMethod.PASSWORD, now);
    }

    /**
     * Logging in yields a new session: a new id and a new CSRF token (so nothing known before
     * login works after it), the same attributes, the absolute timeout counted from now, and how
     * and when the user proved who they are. A half-way login's mark is gone.
     */
    public Session loggedInAs(Username username, long credentialVersion, AuthMethod method, Instant now) {
        Map<String, String> changed = new HashMap<>(attributes);
        changed.remove(PENDING_USER);
        changed.remove(PENDING_VERSION);
        changed.remove(RESTORED);
        changed.put(AUTHENTICATION, authentication(method, now));
        return new Session(SessionId.generate(), Optional.of(username), credentialVersion, channel, device, CsrfToken.generate(), changed, now, now);
    }

    /**
     * The password was right and a second factor must follow: a new session (new id, new token)
     * that is logged in as nobody, remembers whose login it is, and ends after
     * {@link #SECOND_FACTOR_TIME}.
     */
    public Session awaitingSecondFactor(Username username, long credentialVersion, Instant now) {
        Map<String, String> changed = new HashMap<>(attributes);
        changed.put(PENDING_USER, username.value());
        changed.put(PENDING_VERSION, Long.toString(credentialVersion));
        return new Session(SessionId.generate(), Optional.empty(), 0, channel, device, CsrfToken.generate(), changed, now, now);
    }

    /** The login this session holds half-way, if it holds one (and has not expired: the repository's reads see to that). */
    public Optional<PendingLogin> pendingLogin() {
        String user = attributes.get(PENDING_USER);
        if (user == null || isLoggedIn()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PendingLogin(new Username(user), Long.parseLong(attributes.getOrDefault(PENDING_VERSION, "0"))));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** How the user proved who they are for this session; a session from before this was recorded had a password or was remembered. */
    public AuthMethod authMethod() {
        String recorded = attributes.get(AUTHENTICATION);
        Optional<AuthMethod> method = recorded == null ? Optional.empty() : AuthMethod.ofLabel(recorded.substring(0, Math.max(0, recorded.indexOf('@'))));
        return method.orElse("true".equals(attributes.get(RESTORED)) ? AuthMethod.REMEMBERED : AuthMethod.PASSWORD);
    }

    /** When the user last proved who they are: at login, or at a later re-check; the session's start when not recorded. */
    public Instant authenticatedAt() {
        String recorded = attributes.get(AUTHENTICATION);
        if (recorded != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(recorded.substring(recorded.indexOf('@') + 1)));
            } catch (NumberFormatException unreadable) {
                return createdAt;
            }
        }
        return createdAt;
    }

    /** Whether the user proved who they are within {@code window} of {@code now}, by typing something (a remembered login never counts). */
    public boolean authenticatedWithin(Duration window, Instant now) {
        return authMethod() != AuthMethod.REMEMBERED && !now.isAfter(authenticatedAt().plus(window));
    }

    /**
     * Whether a sensitive change (second factors, recovery codes) may be made in this session
     * now: only within {@link #RECHECK_AFTER} of the user proving who they are.
     */
    public boolean isRecentlyAuthenticated(Instant now) {
        return authenticatedWithin(RECHECK_AFTER, now);
    }

    /**
     * The same session, its user having just proved who they are again (a password typed for a
     * sensitive page): the method is as strong as before, and the time is now. Stored as the one
     * attribute {@link #AUTHENTICATION}.
     */
    public Session reauthenticated(Instant now) {
        return withAttribute(AUTHENTICATION, authentication(authMethod().withPasswordTyped(), now));
    }

    private static String authentication(AuthMethod method, Instant now) {
        return method.label() + "@" + now.toEpochMilli();
    }

    /**
     * Attribute names that start with this are Gatehouse's own state (a remembered login's mark):
     * no application reads or writes them.
     */
    public static final String RESERVED_PREFIX = "gatehouse.";

    /** How long a login may stay half-way, between the password and the second factor. */
    public static final Duration SECOND_FACTOR_TIME = Duration.ofMinutes(5);

    /** Set on sessions that "remember me" started before the method was recorded: they are not fresh. */
    private static final String RESTORED = RESERVED_PREFIX + "restored";
    /** How and when the user last proved who they are: {@code password_and_code@1767258000000}. */
    public static final String AUTHENTICATION = RESERVED_PREFIX + "auth";
    /** How long after proving who they are a user may change their second factors without proving it again. */
    public static final Duration RECHECK_AFTER = Duration.ofMinutes(10);
    private static final String PENDING_USER = RESERVED_PREFIX + "pending-user";
    private static final String PENDING_VERSION = RESERVED_PREFIX + "pending-version";

    public static boolean isReserved(String attributeName) {
        return attributeName.startsWith(RESERVED_PREFIX);
    }

    /** A value an application keeps in this session; never one of Gatehouse's own. */
    public Optional<String> applicationAttribute(String name) {
        return isReserved(name) ? Optional.empty() : Optional.ofNullable(attributes.get(name));
    }

    /** Whether the user typed something for this login, rather than being remembered. */
    public boolean isFresh() {
        return authMethod() != AuthMethod.REMEMBERED;
    }

    public Session withAttribute(String name, String value) {
        Map<String, String> changed = new HashMap<>(attributes);
        changed.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Session(id, user(), credentialVersion, channel, device, csrfToken, changed, createdAt, lastSeenAt);
    }

    /** What an administrator may see of this session; only a logged-in session has one. */
    public SessionSummary summary() {
        if (user == null) {
            throw new IllegalStateException("an anonymous session has no summary");
        }
        return new SessionSummary(id.storageKey(), user, channel, device, createdAt, lastSeenAt, credentialVersion);
    }

    @Override
    public String toString() {
        return "Session[" + id + ", user=" + user + ", channel=" + channel + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt + "]";
    }
}
