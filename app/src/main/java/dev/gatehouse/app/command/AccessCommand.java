package dev.gatehouse.app.command;

import dev.gatehouse.adapter.cli.ExitCodes;
import dev.gatehouse.adapter.cli.TerminalCore;
import dev.gatehouse.adapter.cli.TerminalText;
import dev.gatehouse.app.config.AccessRulesFile;
import dev.gatehouse.application.ExplainAccess;
import dev.gatehouse.domain.Group;
import dev.gatehouse.domain.access.AccessRules;
import dev.gatehouse.domain.access.Network;
import dev.gatehouse.domain.access.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * {@code gatehouse access check}: what the access rules decide for one request, and which rule
 * decides it, for the users this machine's options name. Read-only: nothing is asked or audited.
 */
@Command(name = "access", mixinStandardHelpOptions = true,
        description = {"Explain what the access rules (--access-rules, as serve reads them) let through the forward-auth endpoints.",
            "",
            "The rules file, YAML: the first rule that matches a request decides, else the default.",
            "  default: deny                        # or one_factor (any logged-in user)",
            "  rules:",
            "    - domain: app.example.com          # one or a list; *.example.com: every host below it",
            "      path: \"^/admin(/|$)\"             # regular expressions on the path and query",
            "      methods: [GET, POST]",
            "      networks: 10.0.0.0/8             # the client's address, as the trusted proxy says it",
            "      subject: [group:ops, user:bob]   # any of them; nobody logged in is asked to log in",
            "      policy: one_factor               # bypass (anybody), one_factor (logged in) or deny",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse access check --access-rules rules.yaml --user bob GET https://app.example.com/admin",
            "  gatehouse access check --access-rules rules.yaml --from 10.1.2.3 GET https://app.example.com/",
            "Exit code 0: allowed; 1: denied, a login needed, or no such user."})
final class AccessCommand {

    @Spec
    CommandSpec spec;

    /** The composition root's options (data directory, user directory), and the core they open. */
    @Mixin
    private TerminalCore.Access core;

    AccessCommand(TerminalCore.Access core) {
        this.core = core;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Say whether a request would pass, and which rule (and its line) decides it.")
    int check(@Option(names = "--access-rules", paramLabel = "FILE", required = true, description = "The rules file serve reads.") Path rulesFile,
              @Option(names = "--user", paramLabel = "NAME", description = "Who asks (default: nobody logged in).") Optional<String> user,
              @Option(names = "--from", paramLabel = "ADDRESS", description = "The client's address, for rules with networks.") Optional<String> from,
              @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, ...") String method,
              @Parameters(index = "1", paramLabel = "URL", description = "The address asked for, such as https://app.example.com/admin") String url) {
        AccessRules rules;
        try {
            rules = AccessRulesFile.read(rulesFile);
        } catch (IllegalArgumentException wrong) {
            spec.commandLine().getErr().println(TerminalText.problem(TerminalText.escape(wrong.getMessage())));
            return ExitCodes.UNAVAILABLE;
        }
        Resource resource = resource(method, url, from);
        PrintWriter out = spec.commandLine().getOut();
        try (TerminalCore opened = core.open()) {
            ExplainAccess.Explanation explanation = opened.explainAccess(rules).explain(user, resource).toCompletableFuture().join();
            if (explanation.decision().isEmpty()) {
                spec.commandLine().getErr().println(TerminalText.problem("There is no user named " + TerminalText.escape(user.orElse(""))
                        + " who can log in (unknown or disabled)."));
                return ExitCodes.REFUSED;
            }
            out.println(TerminalText.escape(resource.method() + " " + url.strip()));
            out.println("  as " + explanation.user().map(who -> who.user().value() + (who.groups().isEmpty() ? ", in no group"
                    : ", in " + who.groups().stream().map(Group::name).collect(Collectors.joining(", ")))).orElse("nobody logged in")
                    + resource.client().map(address -> ", from " + address.getHostAddress()).orElse(""));
            out.println("  " + explanation.decision().get().explanation() + " of " + rulesFile.toAbsolutePath());
            return explanation.decision().get().fold(allowed -> ExitCodes.OK, login -> ExitCodes.REFUSED, secondFactor -> ExitCodes.REFUSED,
                    denied -> ExitCodes.REFUSED);
        } catch (CompletionException | IllegalStateException unavailable) {
            spec.commandLine().getErr().println(TerminalText.problem("the users cannot be read: "
                    + TerminalText.escape(String.valueOf(unavailable.getMessage()))));
            return ExitCodes.UNAVAILABLE;
        }
    }

    private Resource resource(String method, String url, Optional<String> from) {
        if (!method.matches("[A-Za-z]{1,20}")) {
            throw new ParameterException(spec.commandLine(), "'" + TerminalText.escape(method) + "' is not an HTTP method such as GET.");
        }
        URI address;
        try {
            address = new URI(url.strip());
        } catch (URISyntaxException broken) {
            throw new ParameterException(spec.commandLine(), "'" + TerminalText.escape(url) + "' is not an address such as https://app.example.com/admin.");
        }
        if (address.getHost() == null || address.getScheme() == null || !address.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new ParameterException(spec.commandLine(), "'" + TerminalText.escape(url) + "' is not an address such as https://app.example.com/admin.");
        }
        String path = (address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath())
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery());
        return new Resource(method, address.getHost(), path, from.map(this::address));
    }

    private InetAddress address(String text) {
        return Network.literal(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--from is an address such as 10.1.2.3, not a name."));
    }
}
