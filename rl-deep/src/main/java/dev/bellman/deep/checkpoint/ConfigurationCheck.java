package dev.bellman.deep.checkpoint;

import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a learner's configuration into its checkpoint and checks it on loading, so that a
 * checkpoint loaded into a learner built with other settings fails with a message that names the
 * settings that differ, instead of continuing another experiment.
 *
 * <p>The configuration is compared as the text of its {@code toString()}, which must list every
 * setting as {@code name=value}, separated by {@code ", "}, inside {@code Name[...]}, as records
 * print themselves.
 */
public final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /**
     * Writes the configuration's text.
     *
     * @param out    the checkpoint being written
     * @param config the learner's configuration
     * @throws IOException if writing fails
     */
    public static void write(StateWriter out, Object config) throws IOException {
        out.writeString(config.toString());
    }

    /**
     * Reads the configuration {@link #write} wrote and checks it equals {@code config}'s.
     *
     * @param in     the checkpoint being read
     * @param config the configuration of the learner it is loaded into
     * @throws InvalidCheckpointException if the settings differ; the message names each that differs,
     *                                    with the checkpoint's value and this learner's
     * @throws IOException                if reading fails
     */
    public static void expect(StateReader in, Object config) throws IOException {
        expect(in, config, Set.of());
    }

    /**
     * As {@link #expect(StateReader, Object)}, except that the settings named in {@code free} may
     * differ: settings that do not change the numbers (a thread count whose results are bit-identical
     * for every value, say), so that a run can resume on another machine.
     *
     * @param in     the checkpoint being read
     * @param config the configuration of the learner it is loaded into
     * @param free   the names of the settings that may differ
     * @throws InvalidCheckpointException if another setting differs
     * @throws IOException                if reading fails
     */
    public static void expect(StateReader in, Object config, Set<String> free) throws IOException {
        String expected = config.toString();
        String found = in.readString();
        if (!found.equals(expected) && !onlyFreeDiffer(found, expected, free)) {
            throw new InvalidCheckpointException("the checkpoint was made with other settings than this learner's: "
                    + differences(found, expected) + "; build the learner with the checkpoint's settings");
        }
    }

    private static boolean onlyFreeDiffer(String found, String expected, Set<String> free) {
        List<String> theirs = entries(found);
        List<String> ours = entries(expected);
        if (free.isEmpty() || theirs.size() != ours.size()) {
            return false;
        }
        for (int i = 0; i < ours.size(); i++) {
            String[] their = theirs.get(i).split("=", 2);
            String[] our = ours.get(i).split("=", 2);
            if (their.length != 2 || our.length != 2 || !their[0].equals(our[0])) {
                return false;
            }
            if (!their[1].equals(our[1]) && !free.contains(our[0])) {
                return false;
            }
        }
        return true;
    }

    /** The settings that differ, as {@code name: checkpoint's value here's value}; both texts if they do not parse. */
    static String differences(String found, String expected) {
        List<String> theirs = entries(found);
        List<String> ours = entries(expected);
        if (theirs.size() != ours.size()) {
            return found + " in the checkpoint, " + expected + " here";
        }
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String[] their = theirs.get(i).split("=", 2);
            String[] our = ours.get(i).split("=", 2);
            if (their.length != 2 || our.length != 2 || !their[0].equals(our[0])) {
                return found + " in the checkpoint, " + expected + " here";
            }
            if (!Objects.equals(their[1], our[1])) {
                differing.add(our[0] + " is " + their[1] + " in the checkpoint but " + our[1] + " here");
            }
        }
        return differing.isEmpty() ? found + " in the checkpoint, " + expected + " here" : String.join("; ", differing);
    }

    private static List<String> entries(String text) {
        int open = text.indexOf('[');
        if (open < 0 || !text.endsWith("]")) {
            return List.of(text);
        }
        // Split before each "name=", not at the commas inside array values such as [64, 64].
        return List.of(text.substring(open + 1, text.length() - 1).split(", (?=\\w+=)"));
    }
}
