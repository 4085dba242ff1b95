package dev.bellman.env.toytext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads number arrays by key from the reference files under {@code src/test/resources/reference}. */
final class ReferenceJson {

    private final String text;

    private ReferenceJson(String text) {
        this.text = text;
    }

    static ReferenceJson load(String resource) {
        try (InputStream in = ReferenceJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new ReferenceJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The array of numbers stored under {@code "key"} (the key must occur once in the file). */
    double[] numbers(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\[([^\\]]*)]").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no array \"" + key + "\" in the reference file");
        }
        String body = m.group(1);
        if (m.find()) {
            throw new IllegalStateException("array \"" + key + "\" occurs twice in the reference file");
        }
        return Arrays.stream(body.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }
}
