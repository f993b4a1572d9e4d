package dev.gatehouse.domain;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The users that may log in, as an administrator manages them. Passwords are kept only as slow
 * hashes. The changes of an existing user complete with false when there is no such user.
 */
public interface UserAccounts {

    /** Adds the user, with this profile and password, unless the name is taken; completes with whether it was added. */
    CompletionStage<Boolean> addIfAbsent(UserProfile profile, Password password);

    /** Adds the user with no groups, display name or e-mail address. */
    default CompletionStage<Boolean> addIfAbsent(Username username, Password password) {
        return addIfAbsent(UserProfile.of(username), password);
    }

    /** Puts the user in the groups {@code add} and takes them out of {@code remove}, in one change. */
    CompletionStage<Boolean> changeGroups(Username username, Set<Group> add, Set<Group> remove);

    CompletionStage<Boolean> changePassword(Username username, Password password);

    CompletionStage<Boolean> setDisabled(Username username, boolean disabled);

    CompletionStage<Boolean> remove(Username username);

    CompletionStage<List<UserSummary>> list();
}
