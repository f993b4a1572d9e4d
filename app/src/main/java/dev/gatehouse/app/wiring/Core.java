package dev.gatehouse.app.wiring;

import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.vertx.driven.UserDirectory;
import dev.gatehouse.adapter.vertx.web.WebUseCases;
import dev.gatehouse.application.AddUser;
import dev.gatehouse.application.Authorize;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.application.ChangeGroups;
import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.ChangePassword;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.VerifySecondFactor;
import dev.gatehouse.adapter.vertx.driven.signing.HmacAuthenticatorCodes;
import dev.gatehouse.adapter.vertx.driven.signing.OtpAuthenticatorKeys;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.SecondFactorDemands;
import dev.gatehouse.domain.access.SecondFactorRequirement;
import dev.gatehouse.application.ResetSecondFactor;
import dev.gatehouse.domain.Sealer;
import dev.gatehouse.domain.PasskeyCeremonies;
import dev.gatehouse.application.ManagePasskeys;
import dev.gatehouse.application.PasskeyLogin;
import dev.gatehouse.domain.secondfactor.AuthenticatorCodes;
import dev.gatehouse.application.EndOwnSessions;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Identify;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.application.ListSessions;
import dev.gatehouse.application.ListUsers;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.OpenLoginForm;
import dev.gatehouse.application.RememberMe;
import dev.gatehouse.application.RemoveUser;
import dev.gatehouse.application.RevokeSessions;
import dev.gatehouse.application.SavePreference;
import dev.gatehouse.application.SetUserEnabled;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.LoginThrottle;
import dev.gatehouse.domain.PasswordBlocklist;
import dev.gatehouse.domain.RememberedLogins;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.SessionRepository;
import dev.gatehouse.domain.Signer;

import java.time.Clock;
import java.time.Duration;

/**
 * Every use case, built in this one place from the ports, for every way in: the server's pages
 * and API, the routes on an application's own router, and the terminal commands. So each part of
 * the product is made from the same collaborators and the same configuration.
 */
record Core(Ports ports, SecondFactorDemands demands, Greet greet, OpenLoginForm openLoginForm, LogIn logIn, CompleteLogin completeLogin, LogOut logOut, ChangeOwnPassword changeOwnPassword,
            ListOwnSessions listOwnSessions, EndOwnSessions endOwnSessions, SavePreference savePreference, RememberMe rememberMe,
            TerminalCore.UserAdministration userAdministration, ListSessions listSessions, RevokeSessions revokeSessions, Authorize authorize,
            Reauthenticate reauthenticate, EnrolAuthenticator enrolAuthenticator, ManageSecondFactors manageSecondFactors, Clock clock) {

    /** What the use cases are made from: the ports, and the settings that shape their rules. */
    record Ports(UserDirectory users, SessionRepository sessions, LoginThrottle throttle, RememberedLogins remembered, Signer signer,
                 Sealer sealer, AuditLog audit, PasswordBlocklist blocklist, SessionPolicy policy, Duration rememberMeLifetime, AccessRules rules,
                 SecondFactorRequirement secondFactorRequirement, String issuer, Clock clock) {
    }

    static Core assemble(Ports ports) {
        UserDirectory users = ports.users();
        SessionRepository sessions = ports.sessions();
        AuditLog audit = ports.audit();
        SessionPolicy policy = ports.policy();
        Clock clock = ports.clock();
        Greet greet = new Greet(sessions, users, audit, policy, clock);
        ListSessions listSessions = new ListSessions(sessions, users, audit, policy, clock);
        ListOwnSessions listOwnSessions = new ListOwnSessions(greet, listSessions);
        AuthenticatorCodes codes = new HmacAuthenticatorCodes();
        SecondFactorDemands demands = new SecondFactorDemands(users, users, ports.secondFactorRequirement(), ports.rules());
        EnrolAuthenticator enrol = new EnrolAuthenticator(users, new OtpAuthenticatorKeys(), codes, ports.sealer(), sessions, audit, ports.issuer(), clock);
        return new Core(
                ports,
                demands,
                greet,
                new OpenLoginForm(sessions, ports.signer(), audit, policy, clock),
                new LogIn(sessions, users, demands, ports.throttle(), ports.signer(), audit, policy, clock),
                new CompleteLogin(sessions, users, users, new VerifySecondFactor(users, codes, ports.throttle(), audit, clock), enrol,
                        ports.signer(), audit, policy, clock),
                new LogOut(sessions, ports.remembered(), audit, policy, clock),
                new ChangeOwnPassword(greet, sessions, ports.throttle(), users, ports.blocklist(), audit, clock),
                listOwnSessions,
                new EndOwnSessions(listOwnSessions, sessions, ports.remembered(), audit),
                new SavePreference(greet, sessions),
                new RememberMe(ports.remembered(), sessions, users, demands, ports.throttle(), audit, ports.rememberMeLifetime(), policy, clock),
                new TerminalCore.UserAdministration(new AddUser(users, ports.blocklist(), audit), new ChangePassword(users, ports.blocklist(), audit),
                        new SetUserEnabled(users, audit), new RemoveUser(users, audit), new ListUsers(users), new ChangeGroups(users, audit), new ResetSecondFactor(users, audit)),
                listSessions,
                new RevokeSessions(listSessions, sessions, ports.remembered(), audit),
                new Authorize(greet, users, ports.rules(), audit),
                new Reauthenticate(greet, sessions, users, ports.throttle(), audit, clock),
                enrol,
                new ManageSecondFactors(users, users, sessions, demands, audit, clock),
                clock);
    }

    /** What the web drives; the passkey ceremonies are the web's alone (a terminal has no authenticator to ask). */
    WebUseCases web(PasskeyCeremonies ceremonies) {
        UserDirectory users = ports.users();
        return new WebUseCases(greet, openLoginForm, logIn, completeLogin, logOut, changeOwnPassword, listOwnSessions, endOwnSessions, savePreference, rememberMe,
                new Identify(greet, rememberMe), authorize, reauthenticate, enrolAuthenticator, manageSecondFactors,
                new ManagePasskeys(users, ceremonies, demands, ports.sealer(), ports.audit(), clock),
                new PasskeyLogin(completeLogin, ports.sessions(), users, users, ceremonies, ports.sealer(), ports.signer(), ports.audit(), ports.policy(), clock),
                clock);
    }

    /** What the terminal's login shell drives. */
    TerminalCore.LoginUseCases terminalLogin() {
        return new TerminalCore.LoginUseCases(logIn, completeLogin, greet, logOut, changeOwnPassword, reauthenticate, enrolAuthenticator,
                manageSecondFactors);
    }

    /** What the terminal's session commands drive. */
    TerminalCore.SessionAdministration sessionAdministration() {
        return new TerminalCore.SessionAdministration(listSessions, revokeSessions);
    }
}
