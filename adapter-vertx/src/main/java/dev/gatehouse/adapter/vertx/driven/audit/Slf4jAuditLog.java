package dev.gatehouse.adapter.vertx.driven.audit;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as one JSON object a line, on the logger {@value #LOGGER} (its own appender in
 * logback.xml). JSON escapes every control character, so a username with a newline in it stays
 * inside its line and cannot forge another.
 */
public final class Slf4jAuditLog implements AuditLog {

    public static final String LOGGER = "gatehouse.audit";

    private final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void record(AuditEvent event) {
        if (log.isInfoEnabled()) {
            log.info(line(event));
        }
    }

    /** The line for one event; only the fields that apply. */
    public static String line(AuditEvent event) {
        JsonObject json = new JsonObject().put("event", event.kind().label());
        if (event.user() != null) {
            json.put("user", event.user().value());
        }
        if (event.session() != null) {
            json.put("session", event.session());
        }
        if (event.client() != null) {
            json.put("client", event.client());
        }
        if (event.detail() != null) {
            json.put("detail", event.detail());
        }
        return json.encode();
    }
}
