package dev.gatehouse.adapter.vertx.web;

import java.util.List;

/**
 * The user's own sessions, one row each: this device first and marked, the others most recently
 * seen first; and the browsers trusted to skip the second factor, newest first.
 */
public record SessionsPage(Frame frame, List<Row> rows, List<Trusted> trusted) {

    record Row(String handle, String device, Ago created, Ago lastSeen, boolean current) {
    }

    /** A trusted browser: what it is, since when, and until when it skips the code. */
    record Trusted(String handle, String label, Ago since, String until) {
    }
}
