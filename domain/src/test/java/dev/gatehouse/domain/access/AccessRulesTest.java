package dev.gatehouse.domain.access;

import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.UserProfile;
import dev.gatehouse.domain.Username;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules engine, table by table: wildcards, paths, methods, networks, subjects, order and the default. */
class AccessRulesTest {

    private static final UserProfile ALICE = profile("alice", "staff", "ops");
    private static final UserProfile BOB = profile("bob", "staff");
    private static final UserProfile CAROL = profile("carol");

    private static UserProfile profile(String name, String... groups) {
        TreeSet<Group> in = new TreeSet<>();
        Arrays.stream(groups).map(Group::new).forEach(in::add);
        return UserProfile.of(new Username(name)).withGroups(in);
    }

    private static AccessRule rule(int line, String domains, String paths, String methods, String networks, String subjects, Policy policy) {
        return new AccessRule(line,
                split(domains).stream().map(HostPattern::new).toList(),
                split(paths).stream().map(Pattern::compile).toList(),
                Set.copyOf(split(methods)),
                split(networks).stream().map(Network::parse).toList(),
                split(subjects).stream().map(Subject::parse).toList(),
                policy);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(" "));
    }

    private static Resource request(String method, String url, String client) {
        int slash = url.indexOf('/');
        try {
            return new Resource(method, url.substring(0, slash), url.substring(slash),
                    client == null ? Optional.empty() : Optional.of(InetAddress.getByName(client)));
        } catch (UnknownHostException literal) {
            throw new AssertionError(literal);
        }
    }

    /** The rules of the README's example, in its order. */
    private static final AccessRules RULES = new AccessRules(List.of(
            rule(3, "public.example.com", "", "", "", "", Policy.BYPASS),
            rule(6, "*.example.com", "^/health$", "GET HEAD", "", "", Policy.BYPASS),
            rule(9, "app.example.com", "^/admin(/|$)", "", "", "group:ops user:bob", Policy.ONE_FACTOR),
            rule(12, "app.example.com", "^/admin(/|$)", "", "", "", Policy.DENY),
            rule(15, "app.example.com", "", "", "10.0.0.0/8 2001:db8::/32", "", Policy.BYPASS),
            rule(18, "*.example.com", "[?&]debug=", "", "", "", Policy.DENY),
            rule(21, "app.example.com wiki.example.com", "", "", "", "group:staff", Policy.ONE_FACTOR)),
            Policy.DENY);

    @ParameterizedTest(name = "{0} {1} from {2} as {3}: {4} by line {5}")
    @CsvSource(nullValues = "-", value = {
            // bypass for anybody, logged in or not
            "GET,  public.example.com/anything,   -,         -,     allowed,        3",
            "GET,  PUBLIC.Example.COM/anything,   -,         -,     allowed,        3",
            // a wildcard covers every host below it but not the domain itself, and methods are listed
            "GET,  app.example.com/health,        -,         -,     allowed,        6",
            "HEAD, deep.app.example.com/health,   -,         -,     allowed,        6",
            "POST, app.example.com/health,        -,         alice, allowed,        21",
            "GET,  example.com/health,            -,         -,     denied,         -",
            "GET,  app.example.com/healthz,       -,         -,     login required, 21",
            // subjects: a group or a user, any of them; nobody logged in must log in first
            "GET,  app.example.com/admin,         -,         -,     login required, 9",
            "GET,  app.example.com/admin/users,   -,         alice, allowed,        9",
            "GET,  app.example.com/admin,         -,         bob,   allowed,        9",
            "GET,  app.example.com/admin,         -,         carol, denied,         12",
            "GET,  app.example.com/administer,    -,         carol, denied,         -",
            // networks: from the trusted client address only
            "GET,  app.example.com/x,             10.1.2.3,  -,     allowed,        15",
            "GET,  app.example.com/x,             2001:db8::7, -,   allowed,        15",
            "GET,  app.example.com/x,             11.1.2.3,  -,     login required, 21",
            // paths are searched in the path and the query, and the first rule that matches wins
            "GET,  wiki.example.com/page?debug=1, -,         alice, denied,         18",
            "GET,  wiki.example.com/page?x=1,     -,         alice, allowed,        21",
            "GET,  wiki.example.com/page,         -,         carol, denied,         -",
            // the default, for hosts nobody wrote a rule for
            "GET,  other.net/,                    -,         alice, denied,         -",
    })
    void givenTheReadmesRules_thenEachRequestGetsTheFirstMatchingRulesDecision(String method, String url, String client, String user,
                                                                               String expected, Integer line) {
        Optional<UserProfile> who = Optional.ofNullable(user).map(name -> switch (name) {
            case "alice" -> ALICE;
            case "bob" -> BOB;
            default -> CAROL;
        });
        AccessDecision decision = RULES.decide(request(method, url, client), who);
        assertEquals(expected, decision.fold(allowed -> "allowed", login -> "login required", secondFactor -> "second factor required", denied -> "denied"), decision.explanation());
        assertEquals(Optional.ofNullable(line), decision.rule().map(AccessRule::line));
    }

    @Test
    void givenATwoFactorRule_thenAOneFactorLoginGivesTheCodeFirstAndItsSubjectsMustHaveOne() {
        AccessRule admin = new AccessRule(3, List.of(new HostPattern("admin.example.com")), List.of(), Set.of(), List.of(),
                List.of(Subject.parse("group:ops")), Policy.TWO_FACTOR);
        AccessRules rules = new AccessRules(List.of(admin), Policy.ONE_FACTOR);
        Resource console = request("GET", "admin.example.com/", null);
        assertTrue(rules.decide(console, Optional.empty(), false) instanceof AccessDecision.LoginRequired);
        assertTrue(rules.decide(console, Optional.of(ALICE), false) instanceof AccessDecision.SecondFactorRequired, "one factor: the code first");
        assertTrue(rules.decide(console, Optional.of(ALICE), true) instanceof AccessDecision.Allowed);
        assertTrue(rules.decide(request("GET", "wiki.example.com/", null), Optional.of(ALICE), false) instanceof AccessDecision.Allowed,
                "elsewhere one factor is enough");
        assertTrue(rules.demandsSecondFactorOf(ALICE), "a member of ops must have a second factor");
        assertFalse(rules.demandsSecondFactorOf(CAROL));
        assertEquals("second factor required by the rule at line 3 (two_factor)", rules.decide(console, Optional.of(ALICE), false).explanation());
    }

    @Test
    void givenNoRulesFile_thenAnyLoggedInUserPassesAndNobodyElse() {
        Resource anything = request("GET", "app.example.com/", null);
        assertTrue(AccessRules.LOGGED_IN_USERS.decide(anything, Optional.of(CAROL)) instanceof AccessDecision.Allowed);
        assertTrue(AccessRules.LOGGED_IN_USERS.decide(anything, Optional.empty()) instanceof AccessDecision.LoginRequired);
    }

    @Test
    void givenRulesThatCannotBeMeant_thenTheyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> rule(1, "", "", "", "", "user:alice", Policy.BYPASS));
        assertThrows(IllegalArgumentException.class, () -> new AccessRules(List.of(), Policy.BYPASS));
        for (String notAHost : List.of("*", "*.", "exa mple.com", "a.*.com", "-a.com", "http://a.com")) {
            assertThrows(IllegalArgumentException.class, () -> new HostPattern(notAHost), notAHost);
        }
        for (String notANetwork : List.of("10.0.0.0/33", "10.0.0.0/x", "example.com", "", "::1/129")) {
            assertThrows(IllegalArgumentException.class, () -> Network.parse(notANetwork), notANetwork);
        }
        for (String notASubject : List.of("alice", "role:x", "group:has space", "user:")) {
            assertThrows(IllegalArgumentException.class, () -> Subject.parse(notASubject), notASubject);
        }
    }

    @Test
    void givenNetworks_thenPrefixesMatchBitByBit() throws UnknownHostException {
        assertTrue(Network.parse("192.168.4.0/22").contains(InetAddress.getByName("192.168.7.255")));
        assertFalse(Network.parse("192.168.4.0/22").contains(InetAddress.getByName("192.168.8.0")));
        assertTrue(Network.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
        assertFalse(Network.parse("0.0.0.0/0").contains(InetAddress.getByName("::1")), "an IPv4 block holds no IPv6 address");
        assertTrue(Network.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertFalse(Network.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2")));
    }
}
