package dev.gatehouse.adapter.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code gatehouse login --user NAME --password-stdin}: the username from the command line, the
 * password from the first line of standard input, the code on the next line for an account with a
 * second factor, and commands from the lines after it. It logs
 * in once: after a logout or a rejection there is nobody to ask again.
 */
final class ScriptInput implements LoginInput {

    private final BufferedReader stdin;
    private String username;

    ScriptInput(String username, BufferedReader stdin) {
        this.username = username;
        this.stdin = stdin;
    }

    @Override
    public Optional<String> username(String prompt) {
        Optional<String> once = Optional.ofNullable(username);
        username = null;
        return once;
    }

    @Override
    public Optional<char[]> password(String prompt) {
        return line().map(String::toCharArray);
    }

    /** The line after the password, for an account with a second factor. */
    @Override
    public Optional<String> code(String prompt) {
        return line();
    }

    @Override
    public Optional<String> command(String prompt) {
        return line();
    }

    private Optional<String> line() {
        try {
            return Optional.ofNullable(stdin.readLine());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
