package dev.gatehouse.adapter.vertx.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every page knows of the site it is on: the brand, and the navigation between the account's
 * pages that exist here (the tutorial's preferences page comes with {@code gatehouse serve}, not
 * with the routes an application embeds), so that it never links to a page that is not there.
 *
 * @param navigation the links, written out once for each page that can be the current one: they
 *                   are made of constants only, so every logged-in page (the greeting above all)
 *                   copies them instead of rendering the links and their attributes again
 */
public record Site(Brand brand, Map<Frame.Section, String> navigation) {

    /** Gatehouse's routes on an application's router: the application's own {@code /} is Home. */
    static Site embedded(Brand brand) {
        return new Site(brand, navigation(List.of(Frame.Section.HOME, Frame.Section.SESSIONS, Frame.Section.PASSWORD, Frame.Section.TWO_FACTOR)));
    }

    /** {@code gatehouse serve}: the tutorial's pages too. */
    static Site standalone(Brand brand) {
        return new Site(brand, navigation(List.of(Frame.Section.HOME, Frame.Section.PREFERENCES, Frame.Section.SESSIONS, Frame.Section.PASSWORD,
                Frame.Section.TWO_FACTOR)));
    }

    /** The links, the current page marked ({@code aria-current}); HTML made of this class's constants only. */
    public String navigationFor(Frame.Section current) {
        return navigation.get(current);
    }

    private static Map<Frame.Section, String> navigation(List<Frame.Section> links) {
        Map<Frame.Section, String> byCurrent = new EnumMap<>(Frame.Section.class);
        for (Frame.Section current : Frame.Section.values()) {
            StringBuilder html = new StringBuilder();
            for (Frame.Section section : links) {
                html.append("<a href=\"").append(section.path()).append('"').append(section == current ? " aria-current=\"page\"" : "")
                        .append('>').append(section.label()).append("</a>\n");
            }
            byCurrent.put(current, html.toString());
        }
        return Map.copyOf(byCurrent);
    }
}
