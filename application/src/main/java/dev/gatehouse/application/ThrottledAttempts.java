package dev.gatehouse.application;

import dev.gatehouse.domain.AuditEvent;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Username;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audit trail with throttled logins counted rather than written one by one, so that nobody
 * can flood it by hammering a locked account. The first refusal of a back-off window, for one
 * account from one client, is written at once ("retry after 32 s"); the refusals that follow in
 * that window are counted, and written as one line ("17 more refused until ...") once the window
 * has passed ({@link #drain}, which the composition root calls on a timer). Every other event
 * passes straight through.
 */
public final class ThrottledAttempts implements AuditLog {

    /** Past this many windows open at once, refusals are written one by one again rather than held in memory. */
    private static final int MAX_WINDOWS = 10_000;
    private static final String RETRY_AFTER = "retry after ";

    private final AuditLog audit;
    private final Clock clock;
    private final Map<Window.Key, Window> windows = new ConcurrentHashMap<>();

    public ThrottledAttempts(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The detail of a throttled login's event: how long the client was told to wait. */
    static String detail(Duration retryAfter) {
        return RETRY_AFTER + LogInResult.Throttled.wholeSeconds(retryAfter) + " s";
    }

    private record Window(Instant ends, int refusedSince) {
        record Key(Username user, String client) {
        }
    }

    @Override
    public void record(AuditEvent event) {
        if (event.kind() != AuditEvent.Kind.LOGIN_THROTTLED || event.detail() == null || !event.detail().startsWith(RETRY_AFTER)) {
            audit.record(event);
            return;
        }
        Instant now = clock.instant();
        Window.Key key = new Window.Key(event.user(), event.client());
        if (windows.size() >= MAX_WINDOWS && !windows.containsKey(key)) {
            audit.record(event);
            return;
        }
        List<AuditEvent> lines = new ArrayList<>(2);
        windows.compute(key, (k, open) -> {
            if (open != null && now.isBefore(open.ends())) {
                return new Window(open.ends(), open.refusedSince() + 1);
            }
            if (open != null) {
                summary(k, open).ifPresent(lines::add);
            }
            lines.add(event);
            return new Window(now.plus(retryAfter(event.detail())), 0);
        });
        lines.forEach(audit::record);
    }

    /** Writes the count of every window that has passed, and forgets it. */
    public void drain() {
        Instant now = clock.instant();
        for (Map.Entry<Window.Key, Window> entry : windows.entrySet()) {
            if (!now.isBefore(entry.getValue().ends()) && windows.remove(entry.getKey(), entry.getValue())) {
                summary(entry.getKey(), entry.getValue()).ifPresent(audit::record);
            }
        }
    }

    private static java.util.Optional<AuditEvent> summary(Window.Key key, Window window) {
        return window.refusedSince() == 0 ? java.util.Optional.empty() : java.util.Optional.of(new AuditEvent(AuditEvent.Kind.LOGIN_THROTTLED,
                key.user(), null, key.client(), window.refusedSince() + " more refused until " + window.ends()));
    }

    private static Duration retryAfter(String detail) {
        try {
            return Duration.ofSeconds(Long.parseLong(detail.substring(RETRY_AFTER.length(), detail.length() - 2)));
        } catch (RuntimeException unexpected) {
            return Duration.ZERO;
        }
    }
}
