package dev.gatehouse.adapter.vertx.web;

import java.util.List;

/** The user's own sessions, one row each: this device first and marked, the others most recently seen first. */
public record SessionsPage(Frame frame, List<Row> rows) {

    record Row(String handle, String device, Ago created, Ago lastSeen, boolean current) {
    }
}
