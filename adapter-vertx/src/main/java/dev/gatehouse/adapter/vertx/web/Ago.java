package dev.gatehouse.adapter.vertx.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A moment as people read it at a glance ("5 minutes ago"), and exactly (for a tooltip and machines). */
record Ago(String relative, String exact, String iso) {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static Ago of(Instant then, Instant now) {
        return new Ago(relative(Duration.between(then, now)), EXACT.format(then), then.toString());
    }

    private static String relative(Duration since) {
        long seconds = Math.max(0, since.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3_600) {
            return count(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return count(seconds / 3_600, "hour");
        }
        return count(seconds / 86_400, "day");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s") + " ago";
    }
}
