package dev.gatehouse.app.config;

import dev.gatehouse.domain.access.AccessRule;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.HostPattern;
import dev.gatehouse.domain.access.Network;
import dev.gatehouse.domain.access.Policy;
import dev.gatehouse.domain.access.Subject;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The access rules file ({@code --access-rules}), YAML:
 * <pre>
 * default: deny            # or one_factor, two_factor: what no rule matches
 * rules:                   # in order: the first that matches decides
 *   - domain: app.example.com        # one or a list; *.example.com for every host below it
 *     path: "^/admin"                # regular expressions on the path and query
 *     methods: [GET, POST]
 *     networks: 10.0.0.0/8           # the client's address, as the trusted proxy says it
 *     subject: [group:ops, user:bob] # any of them
 *     policy: one_factor             # bypass, one_factor, two_factor or deny
 * </pre>
 * A mistake stops the start, naming the file, the line and what is wrong: a gate that guesses is
 * no gate.
 */
public final class AccessRulesFile {

    private static final Set<String> RULE_KEYS = Set.of("domain", "path", "methods", "networks", "subject", "policy");

    private final Path file;

    private AccessRulesFile(Path file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException "FILE:LINE: what is wrong", for any mistake */
    public static AccessRules read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("access-rules " + file.toAbsolutePath() + " cannot be read: " + unreadable.getMessage());
        }
        return new AccessRulesFile(file.toAbsolutePath()).parse(text);
    }

    private AccessRules parse(String text) {
        Node root;
        try {
            Optional<Node> composed = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text);
            if (composed.isEmpty()) {
                throw wrong(null, "the file is empty; it needs at least 'default: deny' or 'default: one_factor'");
            }
            root = composed.get();
        } catch (YamlEngineException broken) {
            String where = broken.getMessage() == null ? "" : broken.getMessage().lines().filter(line -> line.contains("line ")).findFirst()
                    .map(String::strip).orElse("");
            throw new IllegalArgumentException(file + ": not YAML" + (where.isEmpty() ? "" : " (" + where + ")"));
        }
        MappingNode top = mapping(root, "the file");
        Policy defaultPolicy = null;
        List<AccessRule> rules = new ArrayList<>();
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            switch (key) {
                case "default" -> {
                    defaultPolicy = policy(entry.getValueNode());
                    if (defaultPolicy == Policy.BYPASS) {
                        throw wrong(entry.getValueNode(), "default is one_factor, two_factor or deny: bypass would open every site nobody wrote a rule for");
                    }
                }
                case "rules" -> {
                    if (!(entry.getValueNode() instanceof SequenceNode list)) {
                        throw wrong(entry.getValueNode(), "rules is a list, each rule starting with '- '");
                    }
                    for (Node rule : list.getValue()) {
                        rules.add(rule(rule));
                    }
                }
                default -> throw wrong(entry.getKeyNode(), "unknown key '" + key + "': the file has 'default' and 'rules'");
            }
        }
        if (defaultPolicy == null) {
            throw wrong(root, "'default' is missing: say what happens to a request no rule matches (deny, or one_factor)");
        }
        return new AccessRules(rules, defaultPolicy);
    }

    private AccessRule rule(Node node) {
        MappingNode rule = mapping(node, "a rule");
        int line = line(node);
        List<HostPattern> domains = List.of();
        List<Pattern> paths = List.of();
        Set<String> methods = Set.of();
        List<Network> networks = List.of();
        List<Subject> subjects = List.of();
        Policy policy = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : rule.getValue()) {
            String key = scalar(entry.getKeyNode(), "a key");
            Node value = entry.getValueNode();
            if (!RULE_KEYS.contains(key)) {
                throw wrong(entry.getKeyNode(), "unknown key '" + key + "': a rule has " + String.join(", ", List.of("domain", "path", "methods",
                        "networks", "subject", "policy")));
            }
            if (!seen.add(key)) {
                throw wrong(entry.getKeyNode(), "'" + key + "' is given twice in this rule");
            }
            try {
                switch (key) {
                    case "domain" -> domains = scalars(value, key).stream().map(HostPattern::new).toList();
                    case "path" -> paths = scalars(value, key).stream().map(AccessRulesFile::regex).toList();
                    case "methods" -> methods = Set.copyOf(scalars(value, key).stream().map(AccessRulesFile::method).toList());
                    case "networks" -> networks = scalars(value, key).stream().map(Network::parse).toList();
                    case "subject" -> subjects = scalars(value, key).stream().map(Subject::parse).toList();
                    default -> policy = policy(value);
                }
            } catch (IllegalArgumentException invalid) {
                if (invalid.getMessage() != null && invalid.getMessage().startsWith(file.toString())) {
                    throw invalid;
                }
                throw wrong(value, key + ": " + invalid.getMessage());
            }
        }
        if (policy == null) {
            throw wrong(node, "this rule has no policy: bypass, one_factor, two_factor or deny");
        }
        try {
            return new AccessRule(line, domains, paths, methods, networks, subjects, policy);
        } catch (IllegalArgumentException unfit) {
            throw wrong(node, unfit.getMessage());
        }
    }

    private Policy policy(Node node) {
        String written = scalar(node, "a policy").toLowerCase(Locale.ROOT);
        return switch (written) {
            case "bypass" -> Policy.BYPASS;
            case "one_factor" -> Policy.ONE_FACTOR;
            case "deny" -> Policy.DENY;
            case "two_factor" -> Policy.TWO_FACTOR;
            default -> throw wrong(node, "'" + written + "' is not a policy: bypass, one_factor, two_factor or deny");
        };
    }

    private static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException broken) {
            throw new IllegalArgumentException("'" + text + "' is not a regular expression (" + broken.getDescription() + ")");
        }
    }

    private static String method(String text) {
        if (!text.matches("[A-Za-z]{1,20}")) {
            throw new IllegalArgumentException("'" + text + "' is not an HTTP method");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /** One value or a list of them, each a plain value. */
    private List<String> scalars(Node node, String key) {
        if (node instanceof SequenceNode list) {
            List<String> values = new ArrayList<>();
            for (Node item : list.getValue()) {
                values.add(scalar(item, key));
            }
            if (values.isEmpty()) {
                throw wrong(node, key + " is an empty list: leave the key out to match anything");
            }
            return values;
        }
        return List.of(scalar(node, key));
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode value) {
            return value.getValue();
        }
        throw wrong(node, what + " is a single value here, not a list or a mapping");
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw wrong(node, what + " is a mapping of keys such as 'policy: deny'");
    }

    private static int line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    private IllegalArgumentException wrong(Node node, String why) {
        return new IllegalArgumentException(file + (node == null ? "" : ":" + line(node)) + ": " + why);
    }
}
