package dev.gatehouse.adapter.vertx.driven.postgres;

import dev.gatehouse.application.services.Needs;
import dev.gatehouse.domain.Users;
import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.application.contract.UsersContract;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.Username;
import io.vertx.sqlclient.Tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

/**
 * The user directory contract against the PostgreSQL of this machine ({@code PG_URL}, or the
 * database {@code test} on 127.0.0.1:5432), each test in a table of its own, dropped afterwards.
 */
@Needs(Needs.Service.POSTGRES)
class PostgresUserDirectoryTest extends UsersContract {

    private static Vertx vertx;
    private static Pool pool;
    private String table;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        pool = PgBuilder.pool()
                .connectingTo(System.getenv().getOrDefault("PG_URL", "postgresql://postgres@127.0.0.1:5432/test"))
                .using(vertx).build();
    }

    @AfterAll
    static void disconnect() {
        pool.close().await();
        vertx.close().await();
    }

    @Override
    protected Users createUsers() {
        table = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "");
        PostgresUserDirectory directory = PostgresUserDirectory.open(pool, table, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 2,
                java.util.Optional.of(new dev.gatehouse.adapter.vertx.driven.sealing.SecretSealer(List.of("a test secret of thirty-two bytes".getBytes()))))
                .await();
        return directory;
    }

    @Test
    void givenATableFromBeforeNamesIgnoredCase_thenOpeningRenamesItsRowsToLowerCase() {
        String hash = new PasswordHashing(PasswordHashing.MIN_ITERATIONS).hash(Password.of(PASSWORD));
        createUsers();
        pool.preparedQuery("INSERT INTO " + table + " (name, password_hash, credential_version) VALUES ($1, $2, 7), ($3, $2, 8)")
                .execute(Tuple.of("Carol", hash, "dave")).await();
        PostgresUserDirectory reopened = PostgresUserDirectory.open(pool, table, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1).await();
        assertEquals(List.of("carol", "dave"), pool.query("SELECT name FROM " + table + " ORDER BY name").execute().await()
                .stream().map(row -> row.getString("name")).toList());
        assertEquals(7, done(reopened.current(new Username("CAROL"))).orElseThrow(), "the same account, its version kept");
        assertInstanceOf(Authentication.Authenticated.class, done(reopened.authenticate(new Credentials(new Username("Carol"), Password.of(PASSWORD)))));
    }

    @Test
    void givenATableWithTwoNamesThatDifferOnlyInCase_thenOpeningFailsNamingBothAndChangesNothing() {
        createUsers();
        pool.preparedQuery("INSERT INTO " + table + " (name, password_hash, credential_version) VALUES ($1, 'x', 7), ($2, 'x', 8), ($3, 'x', 9)")
                .execute(Tuple.of("Dave", "carol", "Carol")).await();
        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
                () -> PostgresUserDirectory.open(pool, table, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1).await());
        assertTrue(refused.getMessage().contains("the users 'carol' and 'Carol'") || refused.getMessage().contains("the users 'Carol' and 'carol'"),
                refused.getMessage());
        assertEquals(List.of("Carol", "Dave", "carol"), pool.query("SELECT name FROM " + table + " ORDER BY name COLLATE \"C\"").execute().await()
                .stream().map(row -> row.getString("name")).toList(), "the rename of Dave was rolled back");
    }

    @Test
    void givenATableFromBeforeGroups_thenOpeningAddsTheColumnsKeepsTheUsersAndCanBeDoneTwice() {
        table = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "");
        pool.query("CREATE TABLE " + table + " (name text PRIMARY KEY, password_hash text NOT NULL, "
                + "disabled boolean NOT NULL DEFAULT false, credential_version bigint NOT NULL)").execute().await();
        pool.preparedQuery("INSERT INTO " + table + " VALUES ('dave', $1, false, 5)")
                .execute(Tuple.of(new PasswordHashing(PasswordHashing.MIN_ITERATIONS).hash(Password.of(PASSWORD)))).await();
        for (int start = 0; start < 2; start++) {
            PostgresUserDirectory opened = PostgresUserDirectory.open(pool, table, new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1).await();
            assertEquals(java.util.Optional.of(dev.gatehouse.domain.UserProfile.of(new Username("dave"))), done(opened.profile(new Username("dave"))));
            assertEquals(5, done(opened.current(new Username("dave"))).orElseThrow());
        }
    }

    @AfterEach
    void dropTheTable() {
        pool.query("DROP TABLE IF EXISTS " + table).execute().await();
    }
}
