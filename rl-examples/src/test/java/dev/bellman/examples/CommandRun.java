package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run of the {@code bellman} program in this JVM: its exit status and what it printed.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
record CommandRun(int status, String out, String err) {

    /** Runs {@code bellman args...}. */
    static CommandRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BellmanCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return standard output parsed as JSON */
    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out);
    }

    /** Asserts exit status 2, nothing on standard output, and one line on standard error containing the fragment. */
    void assertUsageError(String expectedFragment) {
        assertEquals(2, status, err);
        assertEquals("", out);
        String[] lines = err.strip().split("\\R");
        assertEquals(1, lines.length, "one line on standard error: " + err);
        assertTrue(lines[0].contains(expectedFragment), lines[0]);
    }
}
