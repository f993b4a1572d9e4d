package dev.gatehouse.adapter.vertx.driven.audit;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.Username;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class Slf4jAuditLogTest {

    @Test
    void givenAnEvent_thenItIsOneJsonLineWithOnlyTheFieldsThatApply() {
        String line = Slf4jAuditLog.line(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED, new Username("alice"), null, "192.0.2.1",
                "retry after 30 s"));
        assertEquals("{\"event\":\"login_throttled\",\"user\":\"alice\",\"client\":\"192.0.2.1\",\"detail\":\"retry after 30 s\"}", line);
    }

    @Test
    void givenANameThatLooksLikeMoreJson_thenItStaysAStringInsideItsOwnLine() {
        // Usernames cannot hold line breaks at all (Username refuses them); quotes and braces they can.
        String forged = "x\",\"event\":\"login_succeeded}{\"event\":\"user_removed";
        String line = Slf4jAuditLog.line(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, new Username(forged), null, "192.0.2.1", null));
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028"), line);
        JsonObject parsed = new JsonObject(line);
        assertEquals("login_failed", parsed.getString("event"));
        assertEquals(forged, parsed.getString("user"));
    }
}
