package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a login may send the browser: the open-redirect vectors, one per row. */
class ReturnTargetTest {

    private static final List<CookieDomain> DOMAINS = List.of(new CookieDomain("example.com"), new CookieDomain("example.localhost"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://app.example.com/reports?q=1       | https://app.example.com/reports?q=1",
            "https://APP.Example.COM/x                 | https://app.example.com/x",
            "https://example.com                       | https://example.com/",
            "https://a.b.example.com:8443/x/../y       | https://a.b.example.com:8443/y",
            "https://app.example.com?q=1               | https://app.example.com/?q=1",
            "http://app.example.localhost:8080/x       | http://app.example.localhost:8080/x",
            "/home                                     | /home",
    })
    void givenATargetUnderACookieDomain_thenItIsKeptNormalised(String text, String expected) {
        assertEquals(Optional.of(new ReturnTarget(expected)), ReturnTarget.parse(text, DOMAINS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.com.evil.net/",          // a look-alike: the domain as a prefix
            "https://evil.net/?x=example.com",        // the domain in the query
            "https://evil.net/example.com",           // the domain in the path
            "https://badexample.com/",                // a suffix without the dot
            "https://example.com@evil.net/",          // user information
            "https://app.example.com:pass@evil.net/", // user information with a colon
            "https://evil.net\\@app.example.com/",    // a backslash before the @
            "https:\\\\app.example.com/",             // backslashes for slashes
            "https://evil.net%2f@app.example.com/",   // an encoded slash in the authority
            "https://app.example.com%2eevil.net/",    // an encoded dot
            "https://app.example.com/%2f%2fevil.net", // an encoded slash right after the first: //evil.net once decoded
            "//app.example.com/x",                    // scheme-relative
            "///evil.net",
            "http://app.example.com/",                // http to a host that is not loopback
            "javascript:alert(1)",
            "data:text/html,x",
            "https://app.example.com./",              // a trailing dot
            "https://[::1]/",
            "https://127.0.0.1/",
            "https://app.example.com:99999/",
            "https://app.example.com/a\tb",           // a control character
            "https://app.example.com/\u00e9",         // not ASCII
            "https://app\u3002example.com/",          // an ideographic full stop some browsers read as a dot
            "https://",
            "https:///x",
            "",
            "evil.net",
    })
    void givenAnythingElse_thenItIsRefused(String text) {
        assertEquals(Optional.empty(), ReturnTarget.parse(text, DOMAINS), text);
    }

    @Test
    void givenATarget_thenItsHostAndPathAreAtHand() {
        ReturnTarget url = ReturnTarget.parse("https://App.Example.com:8443/a/b?c=d", DOMAINS).orElseThrow();
        assertEquals("app.example.com", url.host());
        assertEquals("/a/b?c=d", url.pathAndQuery());
        ReturnTarget bare = ReturnTarget.parse("https://example.com?x", DOMAINS).orElseThrow();
        assertEquals("example.com", bare.host());
        assertEquals("/?x", bare.pathAndQuery());
        assertEquals("/home?x=1", ReturnTarget.parse("/home?x=1", DOMAINS).orElseThrow().pathAndQuery());
    }

    @Test
    void givenNoCookieDomain_thenOnlyLocalPathsAreTargets() {
        assertEquals(Optional.empty(), ReturnTarget.parse("https://app.example.com/", List.of()));
        assertTrue(ReturnTarget.parse("/sessions", List.of()).orElseThrow().isLocal());
    }

    @Test
    void givenCookieDomains_thenOnlyDomainsWithADotAreAccepted() {
        for (String bad : List.of("com", "localhost", "exa mple.com", "example.com.", "192.168.1.1", "*.example.com", "")) {
            assertThrows(IllegalArgumentException.class, () -> new CookieDomain(bad), bad);
        }
        assertEquals("example.com", new CookieDomain(".Example.COM").name());
        assertTrue(new CookieDomain("example.com").covers("deep.app.example.com"));
    }
}
