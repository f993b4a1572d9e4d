package dev.gatehouse.app;

import dev.gatehouse.app.command.TerminalLog;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Terminal commands keep their log, the audit trail included, in a 0600 file: nothing but the dialogue on the terminal. */
class TerminalLogTest {

    @TempDir
    Path dataDir;

    @Test
    void givenATerminalCommand_thenTheConsoleAndTheAuditQueueWriteToTheFileInstead() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console(context, "STDERR"));
        Logger audit = context.getLogger("gatehouse.audit");
        audit.setAdditive(false);
        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName("AUDIT");
        queue.addAppender(console(context, "AUDIT_STDERR"));
        queue.start();
        audit.addAppender(queue);

        TerminalLog.toFile(context, dataDir);
        audit.info("{\"event\":\"user_added\",\"user\":\"dave\"}");
        context.getLogger("dev.gatehouse.app.Example").warn("something to look at");
        context.stop();

        Path file = dataDir.resolve(TerminalLog.FILE);
        String log = Files.readString(file);
        assertTrue(log.contains("INFO  gatehouse.audit - {\"event\":\"user_added\",\"user\":\"dave\"}"), log);
        assertTrue(log.contains("WARN  dev.gatehouse.app.Example - something to look at"), log);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        for (Logger logger : java.util.List.of(root, audit)) {
            logger.iteratorForAppenders().forEachRemaining(appender -> assertFalse(appender instanceof ConsoleAppender
                    || appender instanceof AsyncAppender, "nothing left writing to the terminal: " + appender));
        }
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(name);
        console.setEncoder(encoder);
        console.start();
        return console;
    }
}
