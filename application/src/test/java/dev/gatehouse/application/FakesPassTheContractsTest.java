package dev.gatehouse.application;

import dev.gatehouse.application.contract.AuthenticatorCodesContract;
import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.application.contract.RememberedLoginsContract;
import dev.gatehouse.application.contract.SessionRepositoryContract;
import dev.gatehouse.application.contract.UsersContract;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Users;
import org.junit.jupiter.api.Nested;

/**
 * The fakes the use-case tests run on keep the same promises as the real stores: each passes its
 * port's contract, so a use case that works on a fake works on Redis, PostgreSQL or memory too.
 * ({@link FakeThrottle} is not among them: it is a stub that admits or holds back as a test says,
 * and the back-off it would have to reproduce is what the throttle contract checks in the real ones.)
 */
class FakesPassTheContractsTest {

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SessionRepository createRepository() {
            return new FakeSessions();
        }
    }

    @Nested
    class RememberedLoginsInAMap extends RememberedLoginsContract {
        @Override
        protected RememberedLogins createStore() {
            return new FakeRememberedLogins(clock);
        }
    }

    @Nested
    class Codes extends AuthenticatorCodesContract {
        @Override
        protected AuthenticatorCodes createCodes() {
            return new FakeAuthenticatorCodes();
        }
    }

    @Nested
    class Accounts extends UsersContract {
        @Override
        protected Users createUsers() {
            return new FakeAccounts();
        }
    }
}
