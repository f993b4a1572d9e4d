package dev.gatehouse.adapter.vertx.http;

/** The page only logged-in users see. */
record HomePage(String username) {
}
