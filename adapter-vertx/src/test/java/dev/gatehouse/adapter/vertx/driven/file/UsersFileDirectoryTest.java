package dev.gatehouse.adapter.vertx.driven.file;

import dev.gatehouse.domain.Users;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.application.contract.UsersContract;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users file: the directory contract, and what only a file can get wrong (its mode, its order, another process). */
class UsersFileDirectoryTest extends UsersContract {

    @TempDir
    Path dir;
    private Path file;
    private UsersFileDirectory directory;

    @Override
    protected Users createUsers() {
        file = dir.resolve("users.json");
        directory = new UsersFileDirectory(file, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 2, java.util.Optional.of(
                new dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer(List.of("a test secret of thirty-two bytes".getBytes()))));
        return directory;
    }

    private Authentication logIn(String name, String password) {
        return done(directory.authenticate(new Credentials(new Username(name), Password.of(password))));
    }

    @Test
    void givenAnAddedUser_thenTheFileHoldsAPbkdf2HashAtOwaspStrengthWithMode0600() throws Exception {
        assertTrue(done(directory.addIfAbsent(new Username("alice"), Password.of(PASSWORD))));
        String content = Files.readString(file);
        assertTrue(content.contains("\"$pbkdf2$it=210000$"), content);
        assertFalse(content.contains(PASSWORD));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(dir)) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void givenAnotherProcessAddsAUser_thenThisDirectorySeesItWithoutARestart() {
        assertInstanceOf(Authentication.Rejected.class, logIn("bob", PASSWORD));
        UsersFileDirectory other = new UsersFileDirectory(file, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1);
        done(other.addIfAbsent(new Username("bob"), Password.of(PASSWORD)));
        assertInstanceOf(Authentication.Authenticated.class, logIn("bob", PASSWORD));
        assertEquals(List.of(new UserSummary(new Username("bob"), false)), done(directory.list()));
    }

    @Test
    void givenADisabledUserOrAWeakHandEditedHash_thenNothingAuthenticates() throws Exception {
        String weak = new PasswordHashing(PasswordHashing.MIN_ITERATIONS).hash(Password.of(PASSWORD)).replace("it=100000", "it=1000");
        Files.writeString(file, "{\"format\":\"gatehouse-users/1\",\"users\":["
                + "{\"name\":\"carol\",\"password\":\"" + new PasswordHashing(PasswordHashing.MIN_ITERATIONS).hash(Password.of(PASSWORD)) + "\",\"disabled\":true},"
                + "{\"name\":\"dave\",\"password\":\"" + weak + "\"},"
                + "{\"name\":\"erin\",\"password\":\"{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\"}]}");
        assertInstanceOf(Authentication.Rejected.class, logIn("carol", PASSWORD));
        assertInstanceOf(Authentication.Rejected.class, logIn("dave", PASSWORD));
        assertInstanceOf(Authentication.Rejected.class, logIn("erin", "password"));
    }

    @Test
    void givenDisableEnableAndRemove_thenLoginFollowsAndTheFileKeepsItsOrder() {
        done(directory.addIfAbsent(new Username("alice"), Password.of(PASSWORD)));
        done(directory.addIfAbsent(new Username("bob"), Password.of(PASSWORD)));
        assertTrue(done(directory.setDisabled(new Username("alice"), true)));
        assertInstanceOf(Authentication.Rejected.class, logIn("alice", PASSWORD));
        assertEquals(List.of(new UserSummary(new Username("alice"), true), new UserSummary(new Username("bob"), false)), done(directory.list()));
        assertTrue(done(directory.setDisabled(new Username("alice"), false)));
        assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));

        assertTrue(done(directory.remove(new Username("alice"))));
        assertInstanceOf(Authentication.Rejected.class, logIn("alice", PASSWORD));
        assertEquals(List.of(new UserSummary(new Username("bob"), false)), done(directory.list()));
        assertFalse(done(directory.remove(new Username("alice"))));
        assertFalse(done(directory.setDisabled(new Username("alice"), true)));
    }

    @Test
    void givenAFileFromBeforeNamesIgnoredCase_thenItsNamesWorkInAnyCaseAndTheNextChangeWritesThemInLowerCase() throws Exception {
        String hash = new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS).hash(Password.of(PASSWORD));
        Files.writeString(file, "{\"format\":\"gatehouse-users/1\",\"users\":[{\"name\":\"Carol\",\"password\":\"" + hash + "\"},"
                + "{\"name\":\"old name!\",\"password\":\"" + hash + "\"}]}");
        directory.refresh().toCompletableFuture().join();
        assertInstanceOf(Authentication.Authenticated.class, logIn("carol", PASSWORD));
        assertInstanceOf(Authentication.Authenticated.class, logIn("CAROL", PASSWORD));
        assertInstanceOf(Authentication.Authenticated.class, logIn("Old Name!", PASSWORD), "a name made before the character rule still works");
        assertTrue(done(directory.setDisabled(new Username("carol"), true)));
        String written = Files.readString(file);
        assertTrue(written.contains("\"name\" : \"carol\"") && !written.contains("Carol"), written);
    }

    @Test
    void givenAFileWithTwoNamesThatDifferOnlyInCase_thenItIsRefusedNamingBoth() throws Exception {
        String hash = new PasswordHashing(PasswordHashing.MIN_ITERATIONS).hash(Password.of(PASSWORD));
        Files.writeString(file, "{\"format\":\"gatehouse-users/1\",\"users\":[{\"name\":\"Carol\",\"password\":\"" + hash + "\"},"
                + "{\"name\":\"carol\",\"password\":\"" + hash + "\"}]}");
        java.io.UncheckedIOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> new UsersFileDirectory(file, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1));
        assertEquals(file.toAbsolutePath() + ": the users 'Carol' and 'carol' are one name now that names ignore case (carol). "
                + "Rename or remove one of them in the file, then start again.", refused.getCause().getMessage());
    }

    @Test
    void givenAnEnrolledAuthenticator_thenTheFileHoldsItsSecretSealedAndAnotherProcessWithoutTheServerSecretKeepsIt() throws Exception {
        done(directory.addIfAbsent(new Username("alice"), Password.of(PASSWORD)));
        dev.gatehouse.domain.secondfactor.TotpSecret secret = dev.gatehouse.domain.secondfactor.TotpSecret.generate(new java.security.SecureRandom());
        assertTrue(done(directory.enrol(new Username("alice"), secret, java.util.Set.of("hash-one"))));
        String content = Files.readString(file);
        assertTrue(content.contains("\"totp\" : \"gh1."), content);
        assertFalse(content.contains(java.util.Base64.getEncoder().encodeToString(secret.bytes())), "never the secret itself");

        // A terminal that cannot read the server secret still changes the file without losing the sealed secret.
        UsersFileDirectory withoutSecret = new UsersFileDirectory(file, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1);
        assertTrue(done(withoutSecret.addIfAbsent(new Username("bob"), Password.of(PASSWORD))));
        directory.refresh().toCompletableFuture().join();
        assertEquals(java.util.Optional.of(secret), done(directory.secondFactors(new Username("alice"))).orElseThrow().totp());
    }

    @Test
    void givenAnUnknownUser_thenTheCheckIsAgainstAnUnmatchableHashOfTheSameCost() {
        PasswordHashing hashing = new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS);
        String unmatchable = hashing.unmatchableHash();
        String real = hashing.hash(Password.of(PASSWORD));
        assertEquals(real.substring(0, real.indexOf('$', 12)), unmatchable.substring(0, unmatchable.indexOf('$', 12)), "same algorithm and iterations");
        assertEquals(real.length(), unmatchable.length(), "same salt and key lengths");
        assertFalse(hashing.verify(unmatchable, Password.of(PASSWORD)));
        assertFalse(hashing.verify(unmatchable, Password.of("")));
    }

    @Test
    void givenAHashWithFewerIterationsThanToday_thenAGoodLoginUpgradesItAndKeepsTheCredentialVersion() throws Exception {
        UsersFileDirectory older = new UsersFileDirectory(file, new PasswordHashing(PasswordHashing.MIN_ITERATIONS), 1);
        done(older.addIfAbsent(new Username("alice"), Password.of(PASSWORD)));
        assertTrue(Files.readString(file).contains("$pbkdf2$it=100000$"));
        directory.refresh().toCompletableFuture().join();
        long version = done(directory.current(new Username("alice"))).orElseThrow();

        assertInstanceOf(Authentication.Rejected.class, logIn("alice", PASSWORD + "!"));
        assertTrue(Files.readString(file).contains("$pbkdf2$it=100000$"), "a wrong password upgrades nothing");
        assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));
        String content = Files.readString(file);
        assertTrue(content.contains("$pbkdf2$it=210000$") && !content.contains("it=100000"), content);
        assertEquals(version, done(directory.current(new Username("alice"))).orElseThrow(), "the same password: no session ends");
        assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));
    }

    @Test
    void givenTheFileDamagedOrDeletedWhileRunning_thenLoginsGoOnWithTheLastGoodCopyAndOneErrorIsLogged() throws Exception {
        done(directory.addIfAbsent(new Username("alice"), Password.of(PASSWORD)));
        assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(UsersFileDirectory.class);
        log.addAppender(logged);
        try {
            java.nio.file.Files.writeString(file, "{\"format\": \"gatehouse-users/1\", \"users\": [ {\"name\": ");
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD), "the last good copy");
            }
            java.nio.file.Files.delete(file);
            assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));
            assertInstanceOf(Authentication.Authenticated.class, logIn("alice", PASSWORD));
            assertEquals(2, logged.list.stream().filter(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR).count(),
                    "one error for the damaged file, one for the missing one; not one per login: " + logged.list);
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void givenAChange_thenTheLockFileIsTheOwnersAlone() throws Exception {
        directory.addIfAbsent(new dev.gatehouse.domain.Username("carol"), dev.gatehouse.domain.Password.of(PASSWORD)).toCompletableFuture().join();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file.resolveSibling(file.getFileName() + ".lock"))));
    }
}
