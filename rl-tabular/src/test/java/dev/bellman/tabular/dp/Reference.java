package dev.bellman.tabular.dp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the book reference data copied from {@code shared/reference/books} into the test resources. */
final class Reference {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Reference() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/books/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /reference/books/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    /** A [row][col] grid flattened row-major, as the state indexing of GridWorld. */
    static double[] grid(JsonNode node) {
        int rows = node.size();
        int cols = node.get(0).size();
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = node.get(r).get(c).asDouble();
            }
        }
        return out;
    }
}
