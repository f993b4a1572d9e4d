package dev.gatehouse.application.services;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test (class or method) that needs services of this machine; see {@link LocalServices}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalServices.class)
public @interface Needs {

    Service[] value();

    enum Service {
        REDIS("Redis on 127.0.0.1:6379 (REDIS_URL)", "start one with `redis-server --daemonize yes`"),
        POSTGRES("PostgreSQL on 127.0.0.1:5432 with a database `test` (PG_URL)", "start one and `createdb test`"),
        REDIS_SERVER_BINARY("the redis-server program", "apt-get install redis-server"),
        POSTGRES_SERVER_BINARY("PostgreSQL's programs (initdb, postgres) under /usr/lib/postgresql", "apt-get install postgresql"),
        TMUX("the tmux terminal multiplexer, a terminal emulator to drive the login shell in", "apt-get install tmux");

        final String description;
        final String remedy;

        Service(String description, String remedy) {
            this.description = description;
            this.remedy = remedy;
        }
    }
}
