package dev.bellman.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bellman.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The one way the command line renders JSON and writes its result files: indented, and atomically. */
final class JsonFiles {

    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** @return {@code value} as indented JSON */
    static String render(Object value) throws JsonProcessingException {
        return INDENTED.writeValueAsString(value);
    }

    /**
     * Writes {@code value} as indented JSON, atomically: a crash leaves the old file or the new one,
     * never a part, which matters to readers that take a file's presence as a finished run.
     */
    static void write(Path file, Object value) throws IOException {
        // As bytes first: Jackson closes a stream it writes to, and AtomicFiles must force it after.
        byte[] content = INDENTED.writeValueAsBytes(value);
        AtomicFiles.writeStream(file, stream -> stream.write(content));
    }

    /** Writes {@code text} in UTF-8, atomically. */
    static void writeText(Path file, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeStream(file, stream -> stream.write(content));
    }
}
