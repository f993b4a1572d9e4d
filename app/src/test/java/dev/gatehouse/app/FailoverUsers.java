package dev.gatehouse.app;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The users a failover's logins are made as: several, so that none reaches the cap of sessions per user. */
final class FailoverUsers {

    static final String PASSWORD = "failover password 1";

    static List<String> addedTo(Path dataDir) {
        List<String> users = IntStream.rangeClosed(1, 5).mapToObj(i -> "failover" + i).toList();
        users.forEach(user -> CommandRunner.addUser(dataDir, user, PASSWORD));
        return users;
    }

    private FailoverUsers() {
    }
}
