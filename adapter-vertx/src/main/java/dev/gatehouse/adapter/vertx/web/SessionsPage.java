package dev.gatehouse.adapter.vertx.web;

import java.util.List;

/** The user's own sessions, one row each, the current one marked. */
public record SessionsPage(String csrfToken, String username, List<Row> rows) {

    record Row(String handle, String device, String created, String lastSeen, boolean current) {
    }
}
