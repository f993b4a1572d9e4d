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
        PostgresUserDirectory directory = PostgresUserDirectory.open(pool, table,
                new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 2).await();
        return directory;
    }

    @AfterEach
    void dropTheTable() {
        pool.query("DROP TABLE IF EXISTS " + table).execute().await();
    }
}
