package dev.gatehouse.adapter.cli;

/** What the commands' exit codes mean; the README lists them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The request was understood and refused: a name taken, a weak password, wrong credentials. */
    public static final int REFUSED = 1;
    /** The command line is wrong, or a needed input (terminal, standard input) is missing. */
    public static final int USAGE = 2;
    /** A store or file the command needs could not be used. */
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
