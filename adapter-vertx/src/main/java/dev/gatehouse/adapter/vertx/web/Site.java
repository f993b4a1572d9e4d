package dev.gatehouse.adapter.vertx.web;

import java.util.List;

/**
 * What every page knows of the site it is on: the brand, and which of the account's pages exist
 * here (the tutorial's preferences page comes with {@code gatehouse serve}, not with the routes an
 * application embeds), so that the navigation never links to a page that is not there.
 */
public record Site(Brand brand, List<Frame.Section> links) {

    /** Gatehouse's routes on an application's router: the application's own {@code /} is Home. */
    static Site embedded(Brand brand) {
        return new Site(brand, List.of(Frame.Section.HOME, Frame.Section.SESSIONS, Frame.Section.PASSWORD));
    }

    /** {@code gatehouse serve}: the tutorial's pages too. */
    static Site standalone(Brand brand) {
        return new Site(brand, List.of(Frame.Section.HOME, Frame.Section.PREFERENCES, Frame.Section.SESSIONS, Frame.Section.PASSWORD));
    }
}
