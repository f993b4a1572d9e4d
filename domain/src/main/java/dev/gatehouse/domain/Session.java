package dev.gatehouse.domain;

import java.time.Instant;
import java.util.Collections;
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
        this.attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(attributes));
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

    /** The first instant at which the session is no longer valid: idle or absolute, whichever comes first. */
    public Instant expiresAt(SessionPolicy policy) {
        return policy.expiresAt(createdAt, lastSeenAt);
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

    /**
     * Logging in yields a new session: a new id and a new CSRF token (so nothing known before
     * login works after it), the same attributes, and the absolute timeout counted from now.
     */
    public Session loggedInAs(Username username, long credentialVersion, Instant now) {
        return new Session(SessionId.generate(), Optional.of(username), credentialVersion, channel, device, CsrfToken.generate(), attributes, now, now);
    }

    /**
     * Attribute names that start with this are Gatehouse's own state (a remembered login's mark):
     * no application reads or writes them.
     */
    public static final String RESERVED_PREFIX = "gatehouse.";

    /** Set on a session that "remember me" started instead of a password: it is not fresh. */
    private static final String RESTORED = RESERVED_PREFIX + "restored";

    public static boolean isReserved(String attributeName) {
        return attributeName.startsWith(RESERVED_PREFIX);
    }

    /** A value an application keeps in this session; never one of Gatehouse's own. */
    public Optional<String> applicationAttribute(String name) {
        return isReserved(name) ? Optional.empty() : Optional.ofNullable(attributes.get(name));
    }

    /** Whether this login came from a password just now, not from a remembered login. */
    public boolean isFresh() {
        return !"true".equals(attributes.get(RESTORED));
    }

    /** The same session, marked as started by a remembered login rather than a password. */
    public Session restoredFromRememberedLogin() {
        return withAttribute(RESTORED, "true");
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
