package dev.gatehouse.app;

import dev.gatehouse.app.config.ServerConfig;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.app.wiring.Secrets;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.ThrottlePolicy;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server refuses to start with, and what it does on a second start. */
@ExtendWith(VertxExtension.class)
class StartupTest {

    @TempDir
    Path dataDir;

    private Throwable startFailure(Vertx vertx, String secret) {
        ServerConfig config = new ServerConfig(HttpSettings.defaults("127.0.0.1", 0), dataDir, SessionPolicy.DEFAULT, ThrottlePolicy.DEFAULT, SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE,
                PasswordHashing.DEFAULT_ITERATIONS, secret, null, Duration.ofMinutes(1), Clock.systemUTC(), "127.0.0.1", -1);
        return assertThrows(Throwable.class, () -> Gatehouse.start(vertx, config, 1, new PrintStream(new ByteArrayOutputStream())).await());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_secret_key", "your_secret_key", "short but not 32 bytes long", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "this-is-my-Secret-key-for-the-server-2026", "please-changeme-before-going-live-xyz", "0123456789abcdef0123456789abcdef"})
    void givenAShortOrObviousSecret_thenTheServerRefusesToStart(String secret, Vertx vertx) {
        Throwable failure = startFailure(vertx, secret);
        Secrets.Refused refused = assertInstanceOf(Secrets.Refused.class, failure);
        assertFalse(refused.getMessage().contains(secret), "the message never repeats the secret");
    }

    @Test
    void givenASecretFileOthersCanRead_thenTheServerRefusesToStart(Vertx vertx) throws Exception {
        Path secret = dataDir.resolve("secret");
        Files.writeString(secret, "0123456789abcdefghijklmnopqrstuvwxyzABCDEF\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(startFailure(vertx, null).getMessage().contains("chmod 600"));
    }

    @Test
    void givenASecondStart_thenNoNewAdminIsCreatedAndTheSameSecretIsUsed(Vertx vertx) throws Exception {
        Path data = dataDir.resolve("data");
        TestServer first = new TestServer(vertx, data);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "created owner-only");
        String secret = Files.readString(data.resolve("secret"));
        first.running.stop().await();
        TestServer second = new TestServer(vertx, data);
        assertEquals(null, second.adminPassword);
        assertEquals(secret, Files.readString(data.resolve("secret")));
        Browser browser = new Browser(vertx, second.port());
        assertEquals(303, browser.logIn("admin", first.adminPassword).statusCode());
    }

    @Test
    void givenPlainHttpOnANonLoopbackAddress_thenTheCookieDropsOnlyWhatHttpCannotCarry(Vertx vertx) {
        ServerConfig config = new ServerConfig(HttpSettings.defaults("0.0.0.0", 0), dataDir, SessionPolicy.DEFAULT, ThrottlePolicy.DEFAULT, SessionStoreLocation.MEMORY, UserDirectoryLocation.FILE,
                PasswordHashing.DEFAULT_ITERATIONS, null, null, Duration.ofMinutes(1), Clock.systemUTC(), "127.0.0.1", -1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Gatehouse.Running running = Gatehouse.start(vertx, config, 1, new PrintStream(console, true, StandardCharsets.UTF_8)).await();
        Browser browser = new Browser(vertx, running.port());
        String preLogin = Browser.setCookie(browser.get("/login"), "gh_prelogin").toLowerCase();
        String session = Browser.setCookie(browser.logIn("admin", TestServer.adminPasswordIn(console.toString(StandardCharsets.UTF_8))), "gh_session")
                .toLowerCase();
        for (String setCookie : List.of(preLogin, session)) {
            assertFalse(setCookie.contains("; secure"), setCookie);
            assertTrue(setCookie.contains("; httponly") && setCookie.contains("; samesite=lax") && setCookie.contains("; path=/"), setCookie);
        }
    }

    @Test
    void givenADataDirectoryOthersMayChangeOrAUsersFileOthersMayRead_thenTheServerRefusesToStartAndSaysWhy(Vertx vertx) throws Exception {
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Throwable open = startFailure(vertx, null);
        assertTrue(open.getMessage().contains("can be changed by other users") && open.getMessage().contains("chmod 700"), open.getMessage());

        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        CommandRunner.addUser(dataDir, "alice", "correct horse battery staple");
        Files.setPosixFilePermissions(dataDir.resolve("users.json"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Throwable readable = startFailure(vertx, null);
        assertTrue(readable.getMessage().contains("users file") && readable.getMessage().contains("chmod 600"), readable.getMessage());
    }

    @Test
    void givenALockFileOthersMayChange_thenTheServerRefusesToStart(Vertx vertx) throws Exception {
        CommandRunner.addUser(dataDir, "alice", "correct horse battery staple");
        Files.setPosixFilePermissions(dataDir.resolve("users.json.lock"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Throwable refused = startFailure(vertx, null);
        assertTrue(refused.getMessage().contains("lock file") && refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void givenTheUsersFileGoneFromAUsedDataDirectory_thenTheStartSaysSoAndMakesANewAdmin(Vertx vertx) throws Exception {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Gatehouse.class);
        log.addAppender(logged);
        try {
            TestServer first = new TestServer(vertx, dataDir);
            first.running.stop().await();
            Files.delete(dataDir.resolve("users.json"));
            TestServer second = new TestServer(vertx, dataDir);
            assertTrue(second.adminPassword != null, "a new admin, as the README's way back in promises");
            assertTrue(logged.list.stream().anyMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN
                    && event.getFormattedMessage().contains("users.json is missing")), logged.list.toString());
        } finally {
            log.detachAppender(logged);
        }
    }
}
