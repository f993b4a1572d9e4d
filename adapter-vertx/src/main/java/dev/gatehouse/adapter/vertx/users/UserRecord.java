package dev.gatehouse.adapter.vertx.users;

import dev.gatehouse.domain.Username;

/** One line of the users file: the name, the password hash as a PHC string, and whether the account is disabled. */
record UserRecord(Username username, String passwordHash, boolean disabled) {

    @Override
    public String toString() {
        return "UserRecord[" + username + ", disabled=" + disabled + "]";
    }
}
