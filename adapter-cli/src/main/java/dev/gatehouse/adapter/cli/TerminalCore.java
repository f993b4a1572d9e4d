package dev.gatehouse.adapter.cli;


import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.ChangeGroups;
import dev.gatehouse.application.ExplainAccess;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.ResetSecondFactor;
import dev.gatehouse.application.ChangePassword;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.ListSessions;
import dev.gatehouse.application.ListUsers;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.RemoveUser;
import dev.gatehouse.application.RevokeSessions;
import dev.gatehouse.application.SetUserEnabled;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The use cases the terminal drives, wired by the composition root over the configured user
 * directory and session store; the terminal knows nothing of how they are stored. Closing it
 * releases what was opened.
 */
public interface TerminalCore extends AutoCloseable {

    UserAdministration users();

    LoginUseCases login();

    /**
     * Empty when the sessions live in the memory of the process that made them (the embedded
     * default), where no other process can reach them.
     */
    Optional<SessionAdministration> sessions();

    /** What explains, for {@code gatehouse access check}, what these rules decide for the users kept here. */
    ExplainAccess explainAccess(AccessRules rules);

    @Override
    void close();

    /**
     * How a command reaches its core. The composition root supplies it as a picocli mixin, whose
     * options (data directory, stores, timeouts) configure the core it opens; the terminal reads none of them.
     */
    interface Access {

        /**
         * Opens the core the options describe; the caller closes it. Where no users are kept at the
         * place the options name (the users file of another directory), it refuses with a usage
         * error that says where it looked.
         */
        TerminalCore open();

        /** The same, for a command that may make the first user: a users file that does not exist yet is made. */
        default TerminalCore openToAddUsers() {
            return open();
        }

        /** Where this terminal keeps what it remembers between runs (its device tokens). */
        Path dataDir();
    }

    record UserAdministration(AddUser add, ChangePassword changePassword, SetUserEnabled setEnabled, RemoveUser remove,
                              ListUsers list, ChangeGroups changeGroups, ResetSecondFactor resetSecondFactor) {
    }

    record LoginUseCases(LogIn logIn, CompleteLogin completeLogin, Greet greet, LogOut logOut, ChangeOwnPassword changeOwnPassword,
                         Reauthenticate reauthenticate, EnrolAuthenticator enrolAuthenticator, ManageSecondFactors manageSecondFactors) {
    }

    record SessionAdministration(ListSessions list, RevokeSessions revoke) {
    }
}
