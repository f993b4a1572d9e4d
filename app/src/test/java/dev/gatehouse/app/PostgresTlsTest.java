package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.HttpSettings;
import dev.gatehouse.app.config.SessionStoreLocation;
import dev.gatehouse.app.config.UserDirectoryLocation;
import dev.gatehouse.application.services.Needs;
import dev.gatehouse.application.services.PostgresProcess;
import dev.gatehouse.application.services.TestCertificates;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user directory in a PostgreSQL the test starts itself, set up as production wants it: TLS
 * only, and a role with a password. Gatehouse reaches it with the password from the environment
 * or a file, and checks its certificate and name (sslmode=verify-full, sslrootcert); a wrong CA,
 * a wrong password and a link without TLS each fail closed and say why.
 */
@ExtendWith(VertxExtension.class)
@Needs(Needs.Service.POSTGRES_SERVER_BINARY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTlsTest {

    private static final String PASSWORD = "gatehouse's own database password";

    @TempDir
    static Path certificates;
    @TempDir
    Path dataDir;
    private PostgresProcess postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        TestCertificates.make(certificates, "postgres");
        postgres = PostgresProcess.startWithTls(certificates.resolve("postgres.crt"), certificates.resolve("postgres.key"), "gatehouse", PASSWORD,
                "gatehouse");
    }

    @AfterAll
    void stopPostgres() {
        postgres.close();
    }

    private String url(String sslMode, String ca) {
        return url("gatehouse", sslMode, ca);
    }

    private String url(String database, String sslMode, String ca) {
        return "postgresql://gatehouse@127.0.0.1:" + postgres.port + "/" + database + "?sslmode=" + sslMode + "&sslrootcert=" + certificates.resolve(ca);
    }

    /** A database of the test's own, so that the first server there makes admin. */
    private String freshDatabase(String name, String sslMode, String ca) throws Exception {
        postgres.sql("CREATE DATABASE " + name + " OWNER gatehouse");
        return url(name, sslMode, ca);
    }

    private TestServer serverOn(Vertx vertx, String name, UserDirectoryLocation users) {
        return new TestServer(vertx, dataDir.resolve(name), HttpSettings.defaults("127.0.0.1", 0), SessionStoreLocation.MEMORY, users);
    }

    @Test
    void givenThePasswordAndTheRightCa_thenTheUsersLiveThereOverVerifiedTls(Vertx vertx) throws Exception {
        TestServer server = serverOn(vertx, "right", UserDirectoryLocation.parse(freshDatabase("directory_right", "verify-full", "ca.crt")).withPassword(PASSWORD));
        Browser admin = new Browser(vertx, server.port());
        assertEquals(303, admin.logIn("admin", server.adminPassword).statusCode(), "admin was made in PostgreSQL, and logs in");
        assertTrue(admin.get("/").bodyAsString().contains("Hello, admin!"));
        var ready = admin.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.bodyAsString());
        assertTrue(ready.bodyAsString().contains("\"mode\":\"postgresql\""), ready.bodyAsString());
        postgres.sql("DO $$ BEGIN IF (SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                + "WHERE a.usename = 'gatehouse' AND NOT s.ssl) > 0 THEN RAISE 'a connection without TLS'; END IF; "
                + "IF (SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'gatehouse' AND s.ssl) = 0 "
                + "THEN RAISE 'no connection of Gatehouse''s to look at'; END IF; END $$");
    }

    @Test
    void givenAnotherCaAWrongPasswordOrNoTls_thenTheServerDoesNotStartAndSaysWhy(Vertx vertx) {
        assertTrue(whyNotStarted(vertx, "other-ca", UserDirectoryLocation.parse(url("verify-full", "other-ca.crt")).withPassword(PASSWORD))
                .contains("handshake"));
        String refused = whyNotStarted(vertx, "wrong", UserDirectoryLocation.parse(url("verify-full", "ca.crt")).withPassword("not it"));
        assertTrue(refused.contains("password authentication failed"), refused);
        assertFalse(refused.contains("not it"));
        assertTrue(whyNotStarted(vertx, "plain", UserDirectoryLocation.parse(url("disable", "ca.crt")).withPassword(PASSWORD))
                .contains("no encryption"), "the server takes no connection without TLS");
    }

    /** What stopped a server from starting on this directory: the causes' messages, together. */
    private String whyNotStarted(Vertx vertx, String name, UserDirectoryLocation users) {
        try {
            serverOn(vertx, name, users);
        } catch (RuntimeException | AssertionError failed) {
            StringBuilder why = new StringBuilder();
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                why.append(cause.getMessage()).append(" / ");
            }
            return why.toString();
        }
        throw new AssertionError("the server started on " + users);
    }

    @Test
    void givenAPasswordInAUrlOnTheCommandLine_thenRefusedWithWhereToPutItAndConfigNeverPrintsIt() throws Exception {
        String withPassword = "postgresql://gatehouse:" + "hunter2hunter2" + "@127.0.0.1:" + postgres.port + "/gatehouse?sslmode=verify-full";
        CommandRunner inUrl = CommandRunner.run("", "config", "--user-directory", withPassword);
        assertEquals(2, inUrl.exitCode, inUrl.toString());
        assertTrue(inUrl.err.contains("GATEHOUSE_USER_DIRECTORY_PASSWORD or --user-directory-password-file"), inUrl.err);
        assertFalse(inUrl.err.contains("hunter2hunter2") || inUrl.out.contains("hunter2hunter2"));

        CommandRunner fromEnvironment = CommandRunner.runIn(Map.of("GATEHOUSE_USER_DIRECTORY_PASSWORD", PASSWORD), "config",
                "--user-directory", url("verify-full", "ca.crt"));
        assertEquals(0, fromEnvironment.exitCode, fromEnvironment.toString());
        assertTrue(fromEnvironment.out.contains("# user directory: postgresql, TLS on (sslmode verify-full, root certificate "
                + certificates.resolve("ca.crt") + "), password set (masked)"), fromEnvironment.out);
        assertFalse(fromEnvironment.out.contains(PASSWORD));

        Path file = certificates.resolve("password");
        Files.writeString(file, PASSWORD + "\n");
        CommandRunner fromFile = CommandRunner.run("", "config", "--user-directory", url("require", "ca.crt"),
                "--user-directory-password-file", file.toString());
        assertEquals(0, fromFile.exitCode, fromFile.err);
        assertTrue(fromFile.out.contains("TLS on (sslmode require") && fromFile.out.contains("password set (masked)")
                && !fromFile.out.contains(PASSWORD), fromFile.out);
        CommandRunner none = CommandRunner.run("", "config");
        assertTrue(none.out.contains("# user directory: file, the users file of the data directory"), none.out);
        CommandRunner badMode = CommandRunner.run("", "config", "--user-directory", "postgresql://gatehouse:secret@h/db?sslmode=sometimes");
        assertEquals(2, badMode.exitCode);
        assertTrue(badMode.err.contains("sslmode is disable, allow, prefer, require, verify-ca or verify-full"), badMode.err);
        assertFalse(badMode.err.contains("secret"), badMode.err);
    }

    @Test
    void givenTheUsersFromAFileOfPasswords_thenAUserAddedAtTheTerminalLogsInOnTheServer(Vertx vertx) throws Exception {
        Path file = certificates.resolve("password-for-terminal");
        Files.writeString(file, PASSWORD + "\n");
        String location = freshDatabase("directory_terminal", "verify-full", "ca.crt");
        TestServer server = serverOn(vertx, "terminal", UserDirectoryLocation.parse(location).withPassword(PASSWORD));
        CommandRunner added = CommandRunner.run("a password for carol\n", "users", "add", "carol", "--password-stdin",
                "--data-dir", dataDir.resolve("terminal").toString(), "--user-directory", location,
                "--user-directory-password-file", file.toString());
        assertEquals(0, added.exitCode, added.toString());
        server.running.users().refresh().toCompletableFuture().join();
        assertEquals(303, new Browser(vertx, server.port()).logIn("carol", "a password for carol").statusCode());
    }
}
