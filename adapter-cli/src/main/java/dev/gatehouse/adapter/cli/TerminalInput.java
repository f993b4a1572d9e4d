package dev.gatehouse.adapter.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

import java.util.Optional;

/**
 * The interactive terminal, through JLine. Commands get line editing, completion and a history
 * kept in memory for this run; the username and password are read by a second reader that keeps
 * no history at all, so no secret can be recalled with the arrow keys. Ctrl-D and Ctrl-C end the input.
 */
final class TerminalInput implements LoginInput {

    private final LineReader commands;
    private final LineReader credentials;
    private final Optional<String> presetUsername;

    /** With a preset username ({@code --user}) only the password is asked, as ssh does. */
    TerminalInput(Terminal terminal, Optional<String> presetUsername) {
        this.presetUsername = presetUsername;
        this.commands = LineReaderBuilder.builder().terminal(terminal).appName("gatehouse")
                .completer(new StringsCompleter(LoginShell.COMMANDS))
                .build();
        this.credentials = LineReaderBuilder.builder().terminal(terminal).appName("gatehouse")
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
    }

    @Override
    public Optional<String> username(String prompt) {
        return presetUsername.isPresent() ? presetUsername : read(credentials, prompt, null);
    }

    @Override
    public Optional<char[]> password(String prompt) {
        // NULL_MASK: nothing at all is drawn for a typed character, so not even the length shows.
        return read(credentials, prompt, LineReaderImpl.NULL_MASK).map(String::toCharArray);
    }

    @Override
    public Optional<String> code(String prompt) {
        return read(credentials, prompt, null);
    }

    @Override
    public Optional<String> command(String prompt) {
        return read(commands, prompt, null);
    }

    private static Optional<String> read(LineReader reader, String prompt, Character mask) {
        try {
            return Optional.of(reader.readLine(prompt, mask));
        } catch (UserInterruptException | EndOfFileException ended) {
            return Optional.empty();
        }
    }
}
