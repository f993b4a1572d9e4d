package dev.gatehouse.adapter.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Where a command gets a password: typed at the terminal without echo, or one line of standard input. */
public interface PasswordSource {

    /** Asks at the terminal; empty when there is no terminal to ask at. */
    Optional<char[]> prompt(String prompt);

    /** Reads the first line of standard input, for scripts ({@code --password-stdin}); empty at end of input. */
    Optional<char[]> readLine() throws IOException;

    /** The real terminal ({@link Console}, which turns echo off) and the process's standard input. */
    static PasswordSource system(InputStream stdin) {
        return new PasswordSource() {
            @Override
            public Optional<char[]> prompt(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public Optional<char[]> readLine() throws IOException {
                BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                String line = reader.readLine();
                return line == null ? Optional.empty() : Optional.of(line.toCharArray());
            }
        };
    }
}
