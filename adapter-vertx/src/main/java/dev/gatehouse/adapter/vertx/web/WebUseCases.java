package dev.gatehouse.adapter.vertx.web;

import dev.gatehouse.application.Authorize;
import dev.gatehouse.application.ChangeOwnPassword;
import dev.gatehouse.application.CompleteLogin;
import dev.gatehouse.application.EndOwnSessions;
import dev.gatehouse.application.EnrolAuthenticator;
import dev.gatehouse.application.ManagePasskeys;
import dev.gatehouse.application.ManageSecondFactors;
import dev.gatehouse.application.PasskeyLogin;
import dev.gatehouse.application.Reauthenticate;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Identify;
import dev.gatehouse.application.ListOwnSessions;
import dev.gatehouse.application.LogIn;
import dev.gatehouse.application.LogOut;
import dev.gatehouse.application.OpenLoginForm;
import dev.gatehouse.application.RememberMe;
import dev.gatehouse.application.SavePreference;

import java.time.Clock;

/**
 * The use cases the web drives, as the composition root built them, and the clock they run on
 * (the sessions page says how long ago from it).
 */
public record WebUseCases(Greet greet, OpenLoginForm openLoginForm, LogIn logIn, CompleteLogin completeLogin, LogOut logOut, ChangeOwnPassword changeOwnPassword,
                          ListOwnSessions listOwnSessions, EndOwnSessions endOwnSessions, SavePreference savePreference,
                          RememberMe rememberMe, Identify identify, Authorize authorize, Reauthenticate reauthenticate,
                          EnrolAuthenticator enrolAuthenticator, ManageSecondFactors manageSecondFactors, ManagePasskeys managePasskeys,
                          PasskeyLogin passkeyLogin, Clock clock) {
}
