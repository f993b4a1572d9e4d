package dev.gatehouse.app;

import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.domain.access.AccessDecision;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.Policy;
import dev.gatehouse.domain.access.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The access rules file: the README's example reads as written, and each mistake names its line. */
class AccessRulesFileTest {

    @TempDir
    Path dir;

    static final String EXAMPLE = """
            # Who may open what, first match wins.
            default: deny
            rules:
              - domain: public.example.com
                policy: bypass
              - domain: "*.example.com"
                path: ["^/health$"]
                methods: [GET, HEAD]
                policy: bypass
              - domain: app.example.com
                path: "^/admin(/|$)"
                subject: [group:ops, user:bob]
                policy: one_factor
              - domain: app.example.com
                path: "^/admin(/|$)"
                policy: deny
              - domain: [app.example.com, wiki.example.com]
                networks: [10.0.0.0/8, 2001:db8::/32]
                policy: bypass
              - domain: [app.example.com, wiki.example.com]
                subject: group:staff
                policy: one_factor
            """;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void givenTheReadmesExample_thenItReadsAsWrittenWithEachRulesLine() throws Exception {
        AccessRules rules = AccessRulesFile.read(write(EXAMPLE));
        assertEquals(Policy.DENY, rules.defaultPolicy());
        assertEquals(6, rules.rules().size());
        assertEquals(java.util.List.of(4, 6, 10, 14, 17, 20), rules.rules().stream().map(rule -> rule.line()).toList());
        AccessDecision admin = rules.decide(new Resource("GET", "app.example.com", "/admin", Optional.empty()), Optional.empty());
        assertEquals(10, assertInstanceOf(AccessDecision.LoginRequired.class, admin).rule().orElseThrow().line());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "rules: []                                                        | :1: 'default' is missing",
            "default: allow                                                   | :1: 'allow' is not a policy: bypass, one_factor, two_factor or deny",
            "default: bypass                                                  | :1: default is one_factor, two_factor or deny",
            "default: deny\\nrules:\\n  - domain: a.example.com                | :3: this rule has no policy",
            "default: deny\\nrules:\\n  - domains: a.example.com\\n    policy: deny | :3: unknown key 'domains'",
            "default: deny\\nrules:\\n  - path: '^/(a'\\n    policy: deny      | :3: path: '^/(a' is not a regular expression",
            "default: deny\\nrules:\\n  - networks: 10.0.0.0/33\\n    policy: deny | :3: networks: '10.0.0.0/33': the prefix length is 0 to 32",
            "default: deny\\nrules:\\n  - subject: bob\\n    policy: one_factor | :3: subject: a subject is user:NAME or group:NAME",
            "default: deny\\nrules:\\n  - subject: user:bob\\n    policy: bypass | :3: a bypass rule cannot name a subject",
            "default: deny\\nrules:\\n  - domain: '*'\\n    policy: deny       | :3: domain: '*' is not a host name",
            "default: deny\\nrules:\\n  - methods: [GET]\\n    methods: [POST]\\n    policy: deny | :4: 'methods' is given twice",
            "default: deny\\nrules: {a: b}                                      | :2: rules is a list",
            "default: deny\\nrule: []                                           | :2: unknown key 'rule'",
            "default: [deny]                                                  | :1: a policy is a single value",
            "default: [unclosed                                               | : not YAML",
    })
    void givenAMistake_thenTheStartIsRefusedNamingTheFileTheLineAndWhy(String text, String expected) throws Exception {
        Path file = write(text.replace("\\n", "\n"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccessRulesFile.read(file));
        String message = refused.getMessage();
        assertEquals(true, message.startsWith(file.toAbsolutePath().toString()) && message.contains(expected.strip()), message);
    }

    @Test
    void givenNoFile_thenItSaysSo() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AccessRulesFile.read(dir.resolve("missing.yaml")));
        assertEquals(true, refused.getMessage().startsWith("access-rules " + dir.resolve("missing.yaml") + " cannot be read"), refused.getMessage());
    }
}
