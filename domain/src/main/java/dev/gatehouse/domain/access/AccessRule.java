package dev.gatehouse.domain.access;

import dev.gatehouse.domain.UserProfile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One access rule: which requests it is about (each criterion left empty matches any request), who
 * it is for, and its policy. {@code line} is where the rules file wrote it, for the errors and the
 * explanations that name it. A request matches when it matches every criterion given: one of the
 * domains, one of the paths (regular expressions searched in the path and query: anchor them with
 * {@code ^} and {@code $}), one of the methods and one of the networks. A user matches when they
 * are any of the subjects.
 */
public record AccessRule(int line, List<HostPattern> domains, List<Pattern> paths, Set<String> methods, List<Network> networks,
                         List<Subject> subjects, Policy policy) {

    public AccessRule {
        domains = List.copyOf(domains);
        paths = List.copyOf(paths);
        methods = methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        networks = List.copyOf(networks);
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(policy, "policy");
        if (policy == Policy.BYPASS && !subjects.isEmpty()) {
            throw new IllegalArgumentException("a bypass rule cannot name a subject: it lets everybody through, logged in or not");
        }
    }

    /**
     * Whether the request is one this rule is about, whoever makes it. Every request through a
     * protecting proxy asks this of each rule until one matches: loops, cheapest test first.
     */
    public boolean isAbout(Resource resource) {
        return anyDomain(resource.host()) && (methods.isEmpty() || methods.contains(resource.method()))
                && anyNetwork(resource) && anyPath(resource.pathAndQuery());
    }

    private boolean anyDomain(String host) {
        if (domains.isEmpty()) {
            return true;
        }
        for (HostPattern domain : domains) {
            if (domain.matches(host)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyNetwork(Resource resource) {
        if (networks.isEmpty()) {
            return true;
        }
        if (resource.client().isEmpty()) {
            return false;
        }
        for (Network network : networks) {
            if (network.contains(resource.client().get())) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPath(String pathAndQuery) {
        if (paths.isEmpty()) {
            return true;
        }
        for (Pattern path : paths) {
            if (path.matcher(pathAndQuery).find()) {
                return true;
            }
        }
        return false;
    }

    public boolean namesSubjects() {
        return !subjects.isEmpty();
    }

    /** Whether the rule looks at the client's address, which the request must then say. */
    public boolean namesNetworks() {
        return !networks.isEmpty();
    }

    /** Whether the user is one this rule is for: any of its subjects, or anybody when it names none. */
    public boolean isFor(UserProfile user) {
        if (subjects.isEmpty()) {
            return true;
        }
        for (Subject subject : subjects) {
            if (subject.includes(user)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "rule at line " + line + " (" + policy.name().toLowerCase(Locale.ROOT) + ")";
    }
}
