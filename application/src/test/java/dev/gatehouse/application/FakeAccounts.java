package dev.gatehouse.application;

import dev.gatehouse.domain.Authentication;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Users;
import dev.gatehouse.domain.Passkey;
import dev.gatehouse.domain.SecondFactors;
import dev.gatehouse.domain.TrustedBrowser;
import dev.gatehouse.domain.secondfactor.TotpSecret;
import dev.gatehouse.domain.Credentials;
import dev.gatehouse.domain.Password;
import dev.gatehouse.domain.UserSummary;
import dev.gatehouse.domain.Username;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/** User accounts in a map, with the password in clear (a fake for the use cases only); it also checks passwords. */
public final class FakeAccounts implements Users {

    /** Every change gets a version never given before, as the real directories do: an old one never comes back. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    public record Account(String password, boolean disabled, long version, UserProfile profile) {
        public Account(String password, boolean disabled, UserProfile profile) {
            this(password, disabled, VERSIONS.incrementAndGet(), profile);
        }
    }

    public final Map<Username, Account> accounts = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Second factors by user, kept apart from the accounts; every change is one atomic map operation, as the stores' are. */
    private final Map<Username, SecondFactors> secondFactors = new java.util.concurrent.ConcurrentHashMap<>();

    /** What must follow these users' passwords: their own second factors, and none required of anyone. */
    public SecondFactorDemands demands() {
        return new SecondFactorDemands(this, this, dev.gatehouse.domain.access.SecondFactorRequirement.NONE,
                dev.gatehouse.domain.access.AccessRules.LOGGED_IN_USERS);
    }

    /** Puts an enabled user in no group with this password, replacing any of that name. */
    public void put(Username user, String password) {
        accounts.put(user, new Account(password, false, UserProfile.of(user)));
    }

    @Override
    public CompletionStage<Boolean> addIfAbsent(UserProfile profile, Password password) {
        return answer(accounts.putIfAbsent(profile.user(), new Account(password.reveal(), false, profile)) == null);
    }

    /** Groups are no credential: the version stays. */
    @Override
    public CompletionStage<Boolean> changeGroups(Username username, Set<Group> add, Set<Group> remove) {
        return answer(accounts.computeIfPresent(username, (name, account) ->
                new Account(account.password(), account.disabled(), account.version(), account.profile().withGroupsChanged(add, remove))) != null);
    }

    @Override
    public CompletionStage<Optional<UserProfile>> profile(Username user) {
        Account account = accounts.get(user);
        return CompletableFuture.completedFuture(account == null || account.disabled() ? Optional.empty() : Optional.of(account.profile()));
    }

    @Override
    public CompletionStage<Boolean> changePassword(Username username, Password password) {
        return answer(accounts.computeIfPresent(username, (name, account) -> new Account(password.reveal(), account.disabled(), account.profile())) != null);
    }

    @Override
    public CompletionStage<Boolean> setDisabled(Username username, boolean disabled) {
        return answer(accounts.computeIfPresent(username, (name, account) -> new Account(account.password(), disabled, account.profile())) != null);
    }

    @Override
    public CompletionStage<Boolean> remove(Username username) {
        secondFactors.remove(username);
        return answer(accounts.remove(username) != null);
    }

    @Override
    public CompletionStage<Optional<SecondFactors>> secondFactors(Username user) {
        return CompletableFuture.completedFuture(accounts.containsKey(user)
                ? Optional.of(secondFactors.getOrDefault(user, SecondFactors.NONE)) : Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> enrol(Username user, TotpSecret secret, Set<String> recoveryCodeHashes) {
        return changeFactors(user, before -> new SecondFactors(Optional.of(secret), -1, recoveryCodeHashes, before.trustedBrowsers(), before.passkeys()));
    }

    @Override
    public CompletionStage<Boolean> replaceRecoveryCodes(Username user, Set<String> recoveryCodeHashes) {
        return changeFactors(user, before -> new SecondFactors(before.totp(), before.lastUsedStep(), recoveryCodeHashes, before.trustedBrowsers(), before.passkeys()));
    }

    @Override
    public CompletionStage<Boolean> useStep(Username user, long step) {
        boolean[] used = {false};
        changeFactors(user, before -> {
            used[0] = before.enrolled() && step > before.lastUsedStep();
            return used[0] ? new SecondFactors(before.totp(), step, before.recoveryCodeHashes(), before.trustedBrowsers(), before.passkeys()) : before;
        });
        return answer(used[0]);
    }

    @Override
    public CompletionStage<Boolean> useRecoveryCode(Username user, String hash) {
        boolean[] used = {false};
        changeFactors(user, before -> {
            used[0] = before.recoveryCodeHashes().contains(hash);
            Set<String> left = new java.util.HashSet<>(before.recoveryCodeHashes());
            left.remove(hash);
            return new SecondFactors(before.totp(), before.lastUsedStep(), left, before.trustedBrowsers(), before.passkeys());
        });
        return answer(used[0]);
    }

    @Override
    public CompletionStage<Boolean> trustBrowser(Username user, TrustedBrowser browser, java.time.Instant now) {
        return changeFactors(user, before -> before.withTrustedBrowsers(SecondFactors.withTrusted(before.trustedBrowsers(), browser, now)));
    }

    @Override
    public CompletionStage<Boolean> forgetBrowser(Username user, String tokenHash) {
        if (secondFactors.getOrDefault(user, SecondFactors.NONE).trustedBrowsers().stream().noneMatch(browser -> browser.tokenHash().equals(tokenHash))) {
            return answer(false);
        }
        return changeFactors(user, before -> before.withTrustedBrowsers(
                before.trustedBrowsers().stream().filter(browser -> !browser.tokenHash().equals(tokenHash)).toList()));
    }

    @Override
    public synchronized CompletionStage<Boolean> addPasskey(Username user, Passkey passkey) {
        boolean taken = secondFactors.values().stream().anyMatch(factors -> factors.passkey(passkey.credentialId()).isPresent());
        if (taken) {
            return answer(false);
        }
        return changeFactors(user, before -> before.withPasskeys(java.util.stream.Stream.concat(before.passkeys().stream(), java.util.stream.Stream.of(passkey)).toList()));
    }

    @Override
    public CompletionStage<Boolean> usePasskey(Username user, String credentialId, long signCount, java.time.Instant when) {
        boolean[] used = {false};
        if (!accounts.containsKey(user)) {
            return answer(false);
        }
        secondFactors.computeIfPresent(user, (name, before) -> before.withPasskeys(before.passkeys().stream().map(passkey -> {
            if (passkey.credentialId().equals(credentialId) && passkey.acceptsCount(signCount)) {
                used[0] = true;
                return passkey.used(signCount, when);
            }
            return passkey;
        }).toList()));
        return answer(used[0]);
    }

    @Override
    public CompletionStage<Boolean> renamePasskey(Username user, String credentialId, String name) {
        if (secondFactors.getOrDefault(user, SecondFactors.NONE).passkey(credentialId).isEmpty()) {
            return answer(false);
        }
        return changeFactors(user, before -> before.withPasskeys(before.passkeys().stream()
                .map(passkey -> passkey.credentialId().equals(credentialId) ? passkey.renamed(name) : passkey).toList()));
    }

    @Override
    public CompletionStage<Boolean> removePasskey(Username user, String credentialId) {
        if (secondFactors.getOrDefault(user, SecondFactors.NONE).passkey(credentialId).isEmpty()) {
            return answer(false);
        }
        return changeFactors(user, before -> before.withPasskeys(before.passkeys().stream()
                .filter(passkey -> !passkey.credentialId().equals(credentialId)).toList()));
    }

    @Override
    public CompletionStage<Optional<Username>> ownerOfPasskey(String credentialId) {
        return CompletableFuture.completedFuture(secondFactors.entrySet().stream()
                .filter(entry -> accounts.containsKey(entry.getKey()) && entry.getValue().passkey(credentialId).isPresent())
                .map(Map.Entry::getKey).findFirst());
    }

    @Override
    public CompletionStage<Boolean> reset(Username user) {
        accounts.computeIfPresent(user, (name, account) -> new Account(account.password(), account.disabled(), account.profile()));
        return changeFactors(user, before -> SecondFactors.NONE);
    }

    /** One atomic change of a user's second factors; false when there is no such user. */
    private CompletionStage<Boolean> changeFactors(Username user, java.util.function.UnaryOperator<SecondFactors> change) {
        if (!accounts.containsKey(user)) {
            return answer(false);
        }
        secondFactors.compute(user, (name, before) -> change.apply(before == null ? SecondFactors.NONE : before));
        return answer(true);
    }

    @Override
    public CompletionStage<Authentication> authenticate(Credentials credentials) {
        Account account = accounts.get(credentials.username());
        boolean right = account != null && !account.disabled() && account.password().equals(credentials.password().reveal());
        return CompletableFuture.completedFuture(right
                ? new Authentication.Authenticated(credentials.username(), account.version()) : new Authentication.Rejected());
    }

    @Override
    public CompletionStage<OptionalLong> current(Username user) {
        Account account = accounts.get(user);
        return CompletableFuture.completedFuture(account == null || account.disabled() ? OptionalLong.empty() : OptionalLong.of(account.version()));
    }

    @Override
    public CompletionStage<List<UserSummary>> list() {
        synchronized (accounts) {
            return CompletableFuture.completedFuture(accounts.entrySet().stream()
                    .map(entry -> new UserSummary(entry.getKey(), entry.getValue().disabled(), entry.getValue().profile().groups()))
                    .toList());
        }
    }

    private static CompletionStage<Boolean> answer(boolean value) {
        return CompletableFuture.completedFuture(value);
    }
}
