package dev.bellman.examples;

import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a deterministic grid-world policy from a file: one line per row, one letter per cell
 * ({@code U R D L S}, either case); spaces between letters are ignored, as are blank lines before
 * and after the grid. Cells that are walls or terminal still need a letter, which is ignored.
 */
final class PolicyFile {

    private PolicyFile() {
    }

    /**
     * @return the action index of each state
     * @throws IllegalArgumentException naming the file, line and column, if the file is missing, has
     *                                  the wrong shape, or holds a letter that is no action of the world
     */
    static int[] read(Path file, GridWorld world) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--policy " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("--policy " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<String> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String cells = lines.get(i).replaceAll("\\s+", "");
            if (!cells.isEmpty() || (!rows.isEmpty() && i < lastNonBlank(lines))) {
                rows.add(cells);
                lineNumbers.add(i + 1);
            }
        }
        if (rows.size() != world.rows()) {
            throw new IllegalArgumentException("--policy " + file + ": has " + rows.size() + " rows; expected "
                    + world.rows() + ", one per row of the " + world.rows() + "x" + world.cols() + " grid");
        }
        int[] actions = new int[world.stateCount()];
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            if (row.length() != world.cols()) {
                throw new IllegalArgumentException("--policy " + file + ": line " + lineNumbers.get(r) + " has "
                        + row.length() + " cells; expected " + world.cols());
            }
            for (int c = 0; c < row.length(); c++) {
                GridAction action;
                try {
                    action = GridAction.fromLetter(row.charAt(c));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--policy " + file + ": line " + lineNumbers.get(r)
                            + ", cell " + (c + 1) + ": " + e.getMessage());
                }
                if (action.ordinal() >= world.actionCount()) {
                    throw new IllegalArgumentException("--policy " + file + ": line " + lineNumbers.get(r) + ", cell "
                            + (c + 1) + ": " + action + " is not an action of this " + world.actionCount()
                            + "-action world; expected one of U R D L");
                }
                actions[world.state(r, c)] = action.ordinal();
            }
        }
        return actions;
    }

    private static int lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
