package dev.gatehouse.domain;

/** The synchronizer token of a session: forms carry it, state-changing requests must echo it. */
public record CsrfToken(String value) {

    public CsrfToken {
        if (!RandomToken.isWellFormed(value)) {
            throw new IllegalArgumentException("not a CSRF token");
        }
    }

    public static CsrfToken generate() {
        return new CsrfToken(RandomToken.next());
    }

    /** Constant-time comparison with what a form sent back; a missing value never matches. */
    public boolean matches(String submitted) {
        return submitted != null && RandomToken.isWellFormed(submitted) && RandomToken.constantTimeEquals(value, submitted);
    }

    @Override
    public String toString() {
        return "CsrfToken[hidden]";
    }
}
