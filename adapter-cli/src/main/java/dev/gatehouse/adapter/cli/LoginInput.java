package dev.gatehouse.adapter.cli;

import java.util.Optional;

/** Where {@code gatehouse login} reads from: a terminal with line editing, or a script's standard input. Empty means the input ended. */
interface LoginInput {

    Optional<String> username(String prompt);

    /** Read without echo; the caller wipes it. */
    Optional<char[]> password(String prompt);

    /** A one-time code (authenticator or recovery code): shown as typed, kept in no history. */
    Optional<String> code(String prompt);

    Optional<String> command(String prompt);
}
