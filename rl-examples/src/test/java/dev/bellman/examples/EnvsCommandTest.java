package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman envs}: every bundled environment, with the registry's time limits and thresholds. */
class EnvsCommandTest {

    @Test
    void jsonListsEveryRegisteredIdWithItsLimitAndThreshold() throws IOException {
        CommandRun run = CommandRun.of("envs", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertTrue(json.isArray());
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode entry : json) {
            List<String> keys = new ArrayList<>();
            Iterator<String> names = entry.fieldNames();
            names.forEachRemaining(keys::add);
            assertEquals(List.of("id", "kind", "observationSpace", "actionSpace", "maxEpisodeSteps", "rewardThreshold",
                    "description", "command"), keys, "stable keys");
            assertFalse(entry.get("description").asText().isBlank(), entry.toString());
            byId.put(entry.get("id").asText(), entry);
        }
        for (String id : Environments.ids()) {
            JsonNode entry = byId.get(id);
            assertTrue(entry != null, id + " is listed");
            assertEquals(EnvsCommand.CLASSIC_CONTROL, entry.get("kind").asText());
            assertEquals(Environments.maxEpisodeSteps(id), entry.get("maxEpisodeSteps").asInt());
            OptionalDouble threshold = Environments.rewardThreshold(id);
            if (threshold.isPresent()) {
                assertEquals(threshold.getAsDouble(), entry.get("rewardThreshold").asDouble(), 0.0, id);
            } else {
                assertTrue(entry.get("rewardThreshold").isNull(), id);
            }
            assertEquals(Environments.make(id).actionSpace().toString(), entry.get("actionSpace").asText());
        }
        for (GridWorldPreset preset : GridWorldPreset.values()) {
            JsonNode entry = byId.get(preset.id());
            assertEquals(EnvsCommand.GRID_WORLD, entry.get("kind").asText());
            assertEquals("Discrete(" + preset.build().stateCount() + ")", entry.get("observationSpace").asText());
            assertTrue(entry.get("maxEpisodeSteps").isNull());
        }
        for (MdpCommand.Preset preset : MdpCommand.Preset.values()) {
            assertEquals(EnvsCommand.TOY_TEXT, byId.get(preset.id()).get("kind").asText());
        }
        // CartPole-v1: Gymnasium's 500 steps and 475 (Environments' table)
        assertEquals(475.0, byId.get("CartPole-v1").get("rewardThreshold").asDouble(), 0.0);
    }

    @Test
    void textIsAnAlignedTableWithEveryIdAndThreshold() {
        CommandRun run = CommandRun.of("envs");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\\R");
        int column = lines[0].indexOf("SOLVED AT");
        for (String id : Environments.ids()) {
            String row = List.of(lines).stream().filter(line -> line.startsWith(id + " ")).findFirst().orElseThrow();
            OptionalDouble threshold = Environments.rewardThreshold(id);
            String expected = threshold.isPresent() ? TextTable.number(threshold.getAsDouble()) : "-";
            assertEquals(expected, row.substring(column).split("\\s+")[0], row);
        }
        assertTrue(run.out().contains("Box(4)"), "CartPole's observations in short form");
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine() {
        CommandRun.of("envs", "--format", "xml").assertUsageError("--format xml is not allowed");
        CommandRun.of("envs", "extra").assertUsageError("extra");
    }
}
