package dev.gatehouse.app.command;

import dev.gatehouse.app.wiring.DataDirectory;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;

/**
 * Where the terminal commands' log goes: to {@code DATA_DIR/terminal.log} (mode 0600), never to
 * the terminal, on which nothing but the dialogue belongs. The audit trail of what was done there
 * (a terminal login, a user added) is kept all the same, as {@code sudo} keeps its log. The server
 * logs to standard error as configured in {@code logback.xml}.
 */
public final class TerminalLog {

    public static final String FILE = "terminal.log";
    /** As logback.xml's, with the logger's whole name, so an audit line reads {@code gatehouse.audit - {...}}. */
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger - %replace(%msg){'[\\r\\n]', ' '}%n%ex{short}";

    private TerminalLog() {
    }

    /** Moves this process's log from the console to the file. */
    public static void toFile(Path dataDir) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            toFile(context, dataDir);
        }
    }

    /** Moves every console appender of the log (and every queue in front of one) to the file. */
    public static void toFile(LoggerContext context, Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            DataDirectory.prepare(dataDir);
            if (Files.notExists(file)) {
                Files.createFile(file);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException unwritable) {
            // The data directory's own checks report it; the log stays where it was.
            return;
        }
        FileAppender<ILoggingEvent> inFile = null;
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                Appender<ILoggingEvent> appender = appenders.next();
                // The console, or a queue in front of one (the audit trail's, the request log's): a command's few lines need no queue.
                if (appender instanceof ConsoleAppender<ILoggingEvent> || appender instanceof AsyncAppender) {
                    inFile = inFile != null ? inFile : inFile(context, file);
                    logger.detachAppender(appender);
                    appender.stop();
                    logger.addAppender(inFile);
                }
            }
        }
    }

    /** One appender for the file (logback allows one per file), in the server's line format, which names each line's logger. */
    private static FileAppender<ILoggingEvent> inFile(LoggerContext context, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> toFile = new FileAppender<>();
        toFile.setContext(context);
        toFile.setName("TERMINAL_LOG");
        toFile.setFile(file.toString());
        toFile.setAppend(true);
        toFile.setEncoder(encoder);
        toFile.start();
        return toFile;
    }
}
