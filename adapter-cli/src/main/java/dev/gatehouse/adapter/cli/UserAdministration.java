package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.ListUsers;

/**
 * The user use cases the terminal drives, over whatever user directory the composition root
 * opened for a data directory. Closing it releases that directory's resources.
 */
public interface UserAdministration extends AutoCloseable {

    AddUser addUser();

    ListUsers listUsers();

    @Override
    void close();
}
