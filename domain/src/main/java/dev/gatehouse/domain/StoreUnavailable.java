package dev.gatehouse.domain;

/**
 * A store the core needs (sessions, users) cannot be reached just now (S20). Ports complete
 * exceptionally with it; callers fail closed (nothing is decided without the store) and answer
 * that the service is briefly unavailable, and service comes back by itself with the store.
 */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String store, Throwable cause) {
        super("the " + store + " cannot be reached", cause);
    }
}
