package dev.gatehouse.app;

import dev.gatehouse.adapter.vertx.web.Portal;
import dev.gatehouse.app.config.PortalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --cookie-domain and --portal-url: each root domain its own portal, and the domains browsers would refuse, refused. */
class PortalSettingsTest {

    @Test
    void givenSeveralRootDomains_thenEachGetsThePortalUnderIt() {
        List<Portal> portals = PortalSettings.pair(List.of("example.com", "b.org"), List.of("https://login.b.org", "https://auth.example.com/"));
        assertEquals(List.of("example.com https://auth.example.com", "b.org https://login.b.org"),
                portals.stream().map(portal -> portal.domain() + " " + portal.origin()).toList());
        assertTrue(PortalSettings.pair(List.of(), List.of()).isEmpty(), "no cookie domain: no forward-auth portal");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "co.uk          | https://auth.co.uk          | is a public suffix",
            "github.io      | https://auth.github.io      | is a public suffix",
            "localhost      | http://auth.localhost       | is not a domain with a dot",
            "example.com    | https://auth.evil.net       | needs exactly one portal-url",
            "example.com    | http://auth.example.com     | is not an https:// address",
            "example.com    | https://auth.example.com/x  | is not an https:// address",
            "example.com,a.example.com | https://auth.example.com | overlaps another one",
            "''             | https://auth.example.com    | portal-url needs a cookie-domain",
    })
    void givenADomainOrPortalThatCannotWork_thenTheStartIsRefusedSayingWhy(String domains, String urls, String expected) {
        List<String> domainList = domains.isEmpty() ? List.of() : List.of(domains.split(","));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PortalSettings.pair(domainList, List.of(urls.split(","))));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    @Test
    void givenADomainWithoutPortal_thenItSaysWhatToAdd() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PortalSettings.pair(List.of("example.com"), List.of()));
        assertEquals("cookie-domain needs a portal-url under it: the login page the protected sites send people to", refused.getMessage());
    }
}
