package dev.bellman.examples;

import java.util.List;
import java.util.Locale;

/** Aligned plain-text tables for the listing subcommands ({@code envs}, {@code algos}). */
final class TextTable {

    private TextTable() {
    }

    /**
     * @param rows the header first, then one array per row, all of the same length
     * @return the rows with every column padded to its widest cell, two spaces apart, one line each
     */
    static String render(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c + 1 < columns) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** @return a number without a needless ".0": {@code 475}, {@code -110}, {@code 0.0625} */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value) : Double.toString(value);
    }
}
