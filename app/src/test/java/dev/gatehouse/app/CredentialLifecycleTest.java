package dev.gatehouse.app;

import dev.gatehouse.domain.Username;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S10 over real HTTP: what {@code gatehouse users} does to a user in another process ends that
 * user's sessions on the running server, and nobody else's.
 */
@ExtendWith(VertxExtension.class)
class CredentialLifecycleTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    private TestServer server;
    private Vertx vertx;
    private Browser alice;
    private Browser bob;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        server = new TestServer(vertx, dataDir);
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        CommandRunner.addUser(dataDir, "bob", PASSWORD);
        server.running.users().refresh().toCompletableFuture().join();
        alice = loggedIn("alice");
        bob = loggedIn("bob");
    }

    private Browser loggedIn(String user) {
        Browser browser = new Browser(vertx, server.port());
        assertEquals(303, browser.logIn(user, PASSWORD).statusCode());
        assertTrue(greets(browser, user));
        return browser;
    }

    private static boolean greets(Browser browser, String user) {
        return browser.get("/").bodyAsString().contains("Hello, " + user + "!");
    }

    /** What another process does to the users file, then the server's next look at it (its once-a-second timer). */
    private void gatehouse(String stdin, String... args) throws Exception {
        String[] withDir = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString())).toArray(String[]::new);
        CommandRunner run = CommandRunner.run(stdin, withDir);
        assertEquals(0, run.exitCode, run.toString());
        server.running.users().refresh().toCompletableFuture().join();
    }

    private int storedSessionsOf(String user) {
        return server.running.sessions().listLoggedIn(Optional.of(new Username(user))).toCompletableFuture().join().size();
    }

    @Test
    void givenAPasswordChange_thenTheUsersSessionsEndAndOnlyTheNewPasswordLogsIn() throws Exception {
        gatehouse("a brand new passphrase\n", "users", "passwd", "alice", "--password-stdin");
        assertFalse(greets(alice, "alice"));
        assertEquals(0, storedSessionsOf("alice"), "ended in the store, not only refused");
        assertTrue(greets(bob, "bob"), "nobody else's session");
        assertEquals(303, new Browser(vertx, server.port()).logIn("alice", "a brand new passphrase").statusCode());
    }

    @Test
    void givenADisabledUser_thenTheSessionsEndAndStayEndedWhenTheUserIsEnabledAgain() throws Exception {
        gatehouse("", "users", "disable", "alice");
        gatehouse("", "users", "enable", "alice");
        assertFalse(greets(alice, "alice"));
        assertTrue(greets(bob, "bob"));
        loggedIn("alice");
    }

    @Test
    void givenARemovedUserAddedAgainUnderTheSameName_thenTheOldSessionsDoNotComeBack() throws Exception {
        gatehouse("", "users", "remove", "alice");
        gatehouse(PASSWORD + "\n", "users", "add", "alice", "--password-stdin");
        assertFalse(greets(alice, "alice"));
        assertTrue(greets(bob, "bob"));
    }
}
