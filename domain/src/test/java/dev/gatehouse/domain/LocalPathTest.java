package dev.gatehouse.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/home", "/a/b?c=d&e=%2F", "/login?next=%2Fhome", "/caf%C3%A9", "/a#frag"})
    void givenAPathOfThisSite_thenItIsKept(String path) {
        assertEquals(path, LocalPath.orRoot(path).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "home", "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
        "javascript:alert(1)", "/%2F/evil.example", "/%2f/evil.example", "/%5Cevil.example", "/a%5Cb", "/%0d%0aSet-Cookie:x",
        "/a\r\nb", "/a b", "/%", "/%zz", "/%252F", "/caf\u00e9", " /home", "/\t/evil.example",
        "/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/%2E//evil.example", "/a/../..//evil.example"})
    void givenAnythingThatCouldLeaveTheSite_thenTheRootIsUsed(String path) {
        assertTrue(LocalPath.parse(path).isEmpty(), path);
        assertEquals("/", LocalPath.orRoot(path).value());
    }

    @ParameterizedTest
    @CsvSource({"/a/./b,/a/b", "/a/../b,/b", "/a/%2e%2e/b?x=/../y,/b?x=/../y", "/..,/", "/a/b/..,/a/", "/./home,/home"})
    void givenDotSegments_thenThePathIsKeptResolved(String path, String resolved) {
        assertEquals(resolved, LocalPath.orRoot(path).value());
    }
}
