package dev.gatehouse.adapter.cli;

/** Text from users on its way to a terminal: control characters are shown escaped, so a name cannot move the cursor or forge a line. */
public final class TerminalText {

    /** What every error line of every command starts with, so that a script or a person can tell it from output. */
    public static final String ERROR_PREFIX = "gatehouse: ";

    private TerminalText() {
    }

    /** An error line: the one prefix, then what went wrong and what to do. */
    public static String problem(String message) {
        return ERROR_PREFIX + message;
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
