package dev.gatehouse.adapter.vertx.driven.memory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.vertx.driven.file.EndedJournal;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.RememberMeToken;
import dev.gatehouse.domain.RememberedLogin;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded stores over restarts and crashes (issue 12): snapshots, the journal of what ended, damaged files. */
class EmbeddedSnapshotsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Username ALICE = new Username("alice");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** One server's embedded stores over the files of {@link #dir}, as a start makes them. */
    private final class Server {
        final EndedJournal journal = EndedJournal.recording();
        final InMemorySessionRepository sessions = new InMemorySessionRepository(SessionPolicy.DEFAULT, clock, journal);
        final InMemoryRememberedLogins logins = new InMemoryRememberedLogins(clock, journal);
        final EmbeddedSnapshots snapshots = new EmbeddedSnapshots(sessions, logins, journal, dir.resolve("sessions.snapshot"),
                dir.resolve("remembered.snapshot"), dir.resolve("ended.journal"));

        Session logIn() {
            Session session = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(ALICE, 1L, NOW);
            sessions.save(session);
            return session;
        }

        boolean holds(Session session) {
            return sessions.load(session.id()).toCompletableFuture().join().isPresent();
        }
    }

    @Test
    void givenAGracefulStop_thenTheNextStartHasEverySessionAndLogin() throws IOException {
        Server before = new Server();
        Session alice = before.logIn();
        RememberMeToken token = RememberMeToken.generate();
        before.logins.save(RememberedLogin.of(token, ALICE, 1L, NOW, NOW.plus(Duration.ofDays(30))));
        assertEquals(1, before.snapshots.checkpoint().sessions());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sessions.snapshot"))));

        Server after = new Server();
        assertEquals(1, after.snapshots.restore());
        assertTrue(after.holds(alice));
        assertTrue(after.logins.find(token.selectorKey()).toCompletableFuture().join().isPresent());
    }

    @Test
    void givenACrashAfterTheLastSnapshot_thenALogoutSinceStaysALogout_andOnlySessionsBegunSinceAreLost() throws IOException {
        Server before = new Server();
        Session kept = before.logIn();
        Session loggedOut = before.logIn();
        RememberMeToken forgotten = RememberMeToken.generate();
        before.logins.save(RememberedLogin.of(forgotten, ALICE, 1L, NOW, NOW.plus(Duration.ofDays(30))));
        before.snapshots.checkpoint();
        // After the snapshot: a logout (which forgets that browser's remembered login) and a new login.
        before.sessions.delete(loggedOut.id());
        before.logins.delete(forgotten.selectorKey());
        Session begunSince = before.logIn();
        before.snapshots.flushJournal();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ended.journal"))));
        // The process dies here: no checkpoint at stop.

        Server after = new Server();
        after.snapshots.restore();
        assertTrue(after.holds(kept));
        assertFalse(after.holds(loggedOut), "a crash never undoes a logout");
        assertTrue(after.logins.find(forgotten.selectorKey()).toCompletableFuture().join().isEmpty());
        assertFalse(after.holds(begunSince), "what began after the last snapshot is what a crash loses");
        assertFalse(Files.exists(dir.resolve("ended.journal")), "the start wrote a checkpoint of its own");
    }

    @Test
    void givenADamagedSessionsSnapshot_thenItIsMovedAsideWithAWarningAndTheLoginsAreReadAsUsual() throws IOException {
        Server before = new Server();
        RememberMeToken token = RememberMeToken.generate();
        before.logins.save(RememberedLogin.of(token, ALICE, 1L, NOW, NOW.plus(Duration.ofDays(30))));
        before.logIn();
        before.snapshots.checkpoint();
        Files.writeString(dir.resolve("sessions.snapshot"), "{\"format\":\"gatehouse-sessions/2\"}\n{\"key\": tru", StandardCharsets.UTF_8);

        List<ILoggingEvent> warnings = logged(() -> assertEquals(0, new Server().snapshots.restore()));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(file -> file.getFileName().toString().startsWith("sessions.snapshot.corrupt-")).count());
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getFormattedMessage().contains("sessions.snapshot"), warnings.get(0).getFormattedMessage());
        Server again = new Server();
        again.snapshots.restore();
        assertTrue(again.logins.find(token.selectorKey()).toCompletableFuture().join().isPresent(), "the other snapshot is untouched");
    }

    @Test
    void givenALoginsSnapshotThatIsNotUtf8_thenItIsMovedAsideNamedAndTheSessionsAreReadAsUsual() throws IOException {
        Server before = new Server();
        Session alice = before.logIn();
        before.snapshots.checkpoint();
        Files.write(dir.resolve("remembered.snapshot"), new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'});

        Server after = new Server();
        List<ILoggingEvent> warnings = logged(() -> after.snapshots.restore());

        assertTrue(after.holds(alice));
        assertTrue(warnings.get(0).getFormattedMessage().contains("remembered.snapshot"), warnings.get(0).getFormattedMessage());
    }

    @Test
    void givenASnapshotOfTheFirstFormat_thenItIsReadAfterTheUpgrade_andAClearSelectorIsHashed() throws IOException {
        Session alice = Session.startAnonymous(Channel.WEB, NOW).loggedInAs(ALICE, 1L, NOW);
        RememberMeToken token = RememberMeToken.generate();
        String selector = token.cookieValue().substring(0, 43);
        Files.writeString(dir.resolve("sessions.snapshot"), "{\"format\":\"gatehouse-sessions/1\",\"sessions\":[{\"key\":\""
                + alice.id().storageKey() + "\",\"user\":\"alice\",\"version\":\"1\",\"channel\":\"WEB\",\"device\":\"x\",\"csrf\":\""
                + alice.csrfToken().value() + "\",\"attributes\":{},\"created\":\"" + nanos(NOW) + "\",\"seen\":\"" + nanos(NOW) + "\"}]}");
        Files.writeString(dir.resolve("remembered.snapshot"), "{\"format\":\"gatehouse-remembered-logins-1\",\"logins\":[{\"selector\":\""
                + selector + "\",\"user\":\"alice\",\"hash\":\"" + token.validatorHash() + "\",\"previous\":null,\"rotated\":\"" + NOW
                + "\",\"version\":\"1\",\"expires\":\"" + NOW.plus(Duration.ofDays(1)) + "\"}]}");

        Server after = new Server();
        assertEquals(1, after.snapshots.restore());
        assertTrue(after.holds(alice));
        assertTrue(after.logins.find(token.selectorKey()).toCompletableFuture().join().isPresent());
        assertFalse(Files.readString(dir.resolve("remembered.snapshot")).contains(selector), "written back hashed");
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private interface Action {
        void run() throws IOException;
    }

    private static List<ILoggingEvent> logged(Action action) throws IOException {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedSnapshots.class);
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }
}
