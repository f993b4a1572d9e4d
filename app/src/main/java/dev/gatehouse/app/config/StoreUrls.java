package dev.gatehouse.app.config;

/** How a store's URL may be shown (configuration, errors, logs): never with a password it holds. */
public final class StoreUrls {

    private StoreUrls() {
    }

    /** The URL with the password of its user part ({@code redis://:pw@host}, {@code postgresql://user:pw@host}) and a {@code password=} parameter masked. */
    public static String masked(String url) {
        return url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
