package dev.gatehouse.app;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.app.wiring.Wiring;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.app.wiring.TerminalCores;
import dev.gatehouse.app.command.Main;
import dev.gatehouse.adapter.vertx.web.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions in the Redis of this machine, shared the way separate processes share them: the
 * server, a terminal login and the sessions commands each open their own connection, exactly as
 * the launcher wires them. Tests use Redis database 7 and remove Gatehouse's keys there.
 */
@Needs(Needs.Service.REDIS)
@ExtendWith(VertxExtension.class)
class SharedStoreTest {

    static final String REDIS = System.getenv().getOrDefault("GATEHOUSE_TEST_REDIS", "redis://127.0.0.1:6379/7");
    private static final String POSTGRES = System.getenv().getOrDefault("GATEHOUSE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test");
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;
    private Vertx vertx;
    private final ExecutorService terminals = Executors.newCachedThreadPool();

    @BeforeEach
    void clean(Vertx vertx) {
        this.vertx = vertx;
        removeGatehouseKeys();
    }

    @AfterEach
    void cleanAfter() {
        terminals.shutdownNow();
        removeGatehouseKeys();
    }

    private void removeGatehouseKeys() {
        removeGatehouseKeys(vertx);
    }

    /** Empties the test database of Redis of every key Gatehouse makes. */
    static void removeGatehouseKeys(Vertx vertx) {
        Redis redis = Redis.createClient(vertx, REDIS);
        try {
            for (Response key : redis.send(Request.cmd(Command.KEYS).arg(dev.gatehouse.adapter.vertx.driven.redis.RedisStores.KEY_PREFIX + "*")).await()) {
                redis.send(Request.cmd(Command.DEL).arg(key.toString())).await();
            }
        } finally {
            redis.close();
        }
    }

    /** A server on the shared store, its clock at the real time: the commands it shares sessions with read the system clock. */
    private TestServer server() {
        TestServer server = new TestServer(vertx, dataDir, HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.parse(REDIS));
        server.clock.advance(Duration.between(server.clock.instant(), Instant.now()));
        return server;
    }

    private CommandRunner gatehouse(String... args) {
        return CommandRunner.run("", Stream.concat(Stream.of(args), Stream.of("--data-dir", dataDir.toString(), "--session-store", REDIS))
                .toArray(String[]::new));
    }

    @Test
    void givenAServerATerminalAndTheSessionsCommands_thenEachSeesTheOthersSessions() throws Exception {
        TestServer server = server();
        CommandRunner.addUser(dataDir, "alice", PASSWORD);
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode());

        TestTerminal terminal = new TestTerminal();
        CommandLine cli = Main.commandLine(TerminalCores::open, () -> Optional.of(terminal.terminal), InputStream.nullInputStream());
        CompletableFuture<Integer> login = CompletableFuture.supplyAsync(() -> cli.execute("login", "--user", "alice",
                "--data-dir", dataDir.toString(), "--session-store", REDIS), terminals);
        terminal.expect("Password: ");
        terminal.type(PASSWORD + "\r");
        terminal.expect("alice> ");

        CommandRunner list = gatehouse("sessions", "list");
        assertEquals(0, list.exitCode, list.toString());
        assertTrue(list.out.matches("(?s)HANDLE.*\n\\S+ +admin +web .*\n\\S+ +alice +terminal .*\n"), list.out);
        String aliceHandle = list.out.lines().filter(line -> line.contains(" alice ")).findFirst().orElseThrow().split(" ")[0];

        assertEquals(0, gatehouse("sessions", "revoke", aliceHandle).exitCode);
        terminal.type("greet\r");
        terminal.expect("An administrator ended your session. Please log in again.");
        terminal.type("\u0004");
        assertEquals(0, login.get(20, TimeUnit.SECONDS));

        assertEquals(0, gatehouse("sessions", "revoke", "--user", "admin").exitCode);
        assertTrue(admin.get("/").bodyAsString().contains("Welcome to Gatehouse"), "the server sees the revocation");
        assertEquals("No live sessions.\n", gatehouse("sessions", "list").out);
    }

    @Test
    void givenTwoServersOnOneRedis_thenALogoutOnOneCountsOnTheOtherAndOneServesOnWhenTheOtherStops() {
        TestServer a = server();
        TestServer b = server();
        Browser onA = new Browser(vertx, a.port());
        assertEquals(303, onA.logIn("admin", a.adminPassword).statusCode());
        Browser onB = new Browser(vertx, b.port());
        onB.cookie = onA.cookie;
        assertTrue(onB.get("/").bodyAsString().contains("Hello, admin!"), "log in on A, be greeted on B");
        assertEquals(303, onB.post("/logout", Map.of("csrf", Browser.csrfOf(onB.get("/")))).statusCode());
        assertTrue(onA.get("/").bodyAsString().contains("Welcome to Gatehouse"), "log out on B, and A no longer knows the session");

        Browser second = new Browser(vertx, a.port());
        assertEquals(303, second.logIn("admin", a.adminPassword).statusCode());
        a.running.stop().await();
        Browser secondOnB = new Browser(vertx, b.port());
        secondOnB.cookie = second.cookie;
        assertTrue(secondOnB.get("/").bodyAsString().contains("Hello, admin!"), "stop A, and B keeps serving its sessions");
    }

    @Test
    void givenARememberedLoginOnOneServer_thenTheOtherRestoresItAndSeesItsReuse() {
        TestServer a = server();
        TestServer b = server();
        Browser onA = new Browser(vertx, a.port());
        String csrf = onA.openLoginForm();
        assertEquals(303, onA.post("/login", Map.of("username", "admin", "password", a.adminPassword, "csrf", csrf, "remember", "on")).statusCode());
        String copied = onA.remember;

        Browser onB = new Browser(vertx, b.port());
        onB.remember = onA.remember;
        assertTrue(onB.get("/").bodyAsString().contains("Hello, admin!"), "remembered on A, restored on B");

        // Past the window in which a second tab racing the rotation is forgiven, the copy comes back to A.
        a.clock.advance(Duration.ofMinutes(1));
        Browser thief = new Browser(vertx, a.port());
        thief.remember = copied;
        assertTrue(thief.get("/").bodyAsString().contains("Welcome to Gatehouse"), "the validator B replaced is refused on A");
        assertTrue(onB.get("/").bodyAsString().contains("Welcome to Gatehouse"), "and its reuse ended B's session too");
        assertTrue(onA.get("/").bodyAsString().contains("Welcome to Gatehouse"), "and every other session of the user");
    }

    @Test
    void givenFailedLoginsOnOneServer_thenTheBackOffHoldsOnTheOther() {
        TestServer a = server();
        TestServer b = server();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, new Browser(vertx, a.port()).logIn("admin", "not the password at all").statusCode());
        }
        assertEquals(429, new Browser(vertx, b.port()).logIn("admin", a.adminPassword).statusCode(),
                "the counters are in Redis, not in server A");
    }

    @Needs({Needs.Service.REDIS, Needs.Service.POSTGRES})
    @Test
    void givenTwoServersOnOneRedisAndOnePostgreSQL_thenUsersAndSessionsAreTheSameOnBoth() {
        UserDirectoryLocation postgres = UserDirectoryLocation.parse(POSTGRES);
        dropUsersTable();
        try {
            TestServer a = new TestServer(vertx, dataDir.resolve("a"), HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.parse(REDIS), postgres);
            TestServer b = new TestServer(vertx, dataDir.resolve("b"), HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.parse(REDIS), postgres);
            a.clock.advance(Duration.between(a.clock.instant(), Instant.now()));
            b.clock.advance(Duration.between(b.clock.instant(), Instant.now()));
            // Different data directories, hence different secret files: the servers share one secret as an operator would.
            CommandRunner added = CommandRunner.run(PASSWORD + "\n", "users", "add", "alice", "--password-stdin",
                    "--data-dir", dataDir.resolve("a").toString(), "--user-directory", POSTGRES);
            assertEquals(0, added.exitCode, added.toString());
            b.running.users().refresh().toCompletableFuture().join();
            assertEquals(303, new Browser(vertx, b.port()).logIn("alice", PASSWORD).statusCode(), "a user added once logs in anywhere");
            assertEquals(null, b.adminPassword, "the first server made admin; the second found users already");
        } finally {
            dropUsersTable();
        }
    }

    private void dropUsersTable() {
        Pool pool = PgBuilder.pool().connectingTo(POSTGRES).using(vertx).build();
        try {
            pool.query("DROP TABLE IF EXISTS " + Wiring.POSTGRES_TABLE).execute().await();
        } finally {
            pool.close().await();
        }
    }
}
