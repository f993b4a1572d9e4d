package dev.gatehouse.app;

import dev.gatehouse.domain.PasswordPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The users a failover's logins are made as: several, so that none reaches the cap of sessions per user. */
final class FailoverUsers {

    static final String PASSWORD = "failover password 1";

    static List<String> addedTo(Path dataDir) {
        List<String> users = IntStream.rangeClosed(1, 5).mapToObj(i -> "failover" + i).toList();
        // The least hashing the policy allows: the failover's logins each check a password, and the check is not what is measured.
        users.forEach(user -> {
            CommandRunner added = CommandRunner.run(PASSWORD + "\n", "users", "add", user, "--password-stdin", "--data-dir", dataDir.toString(),
                    "--hash-iterations", Integer.toString(PasswordPolicy.MIN_HASH_ITERATIONS));
            if (added.exitCode != 0) {
                throw new AssertionError("users add failed: " + added.err);
            }
        });
        return users;
    }

    private FailoverUsers() {
    }
}
