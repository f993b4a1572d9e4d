package dev.gatehouse.app;

import dev.gatehouse.adapter.cli.UserAdministration;
import dev.gatehouse.adapter.vertx.users.PasswordHashing;
import dev.gatehouse.adapter.vertx.users.UsersFileDirectory;
import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.ListUsers;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** Opens the user directory of a data directory for the terminal commands, on a Vert.x of their own. */
final class UserAdministrationFactory {

    private UserAdministrationFactory() {
    }

    static UserAdministration open(Path dataDir) {
        DataDirectory.prepare(dataDir);
        Vertx vertx = Vertx.vertx();
        UsersFileDirectory users = new UsersFileDirectory(vertx, dataDir.resolve("users.json"),
                new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS), 1);
        AddUser addUser = new AddUser(users);
        ListUsers listUsers = new ListUsers(users);
        return new UserAdministration() {
            @Override
            public AddUser addUser() {
                return addUser;
            }

            @Override
            public ListUsers listUsers() {
                return listUsers;
            }

            @Override
            public void close() {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        };
    }
}
