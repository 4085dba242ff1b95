package dev.bellman.examples;

import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.CellType;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GridPicture}: the PNG's pixels and the SVG's elements, on Zhao's 5x5 world. */
class GridPictureTest {

    private static final GridWorld ZHAO = GridWorldPreset.ZHAO_5X5.build();
    /** Zhao Fig. 3.4: v* of the 5x5 world, gamma 0.9. */
    private static final PlanningResult SOLVED = new ValueIteration(0.9, 1e-10).solve(ZHAO);

    private static GridPicture zhao(TabularPolicy policy) {
        return GridPicture.builder(ZHAO, SOLVED.stateValues().toArray()).policy(policy).decimals(1).title("zhao").build();
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "the PNG decodes");
        return image;
    }

    private static Color pixel(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) x, (int) y));
    }

    private static Document parse(String svg) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code <g class="cell">} of each cell, by state. */
    private static Element[] cells(Document svg) {
        Element[] cells = new Element[ZHAO.stateCount()];
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("cell")) {
                int s = ZHAO.state(Integer.parseInt(g.getAttribute("data-row")), Integer.parseInt(g.getAttribute("data-col")));
                cells[s] = g;
            }
        }
        return cells;
    }

    private static List<Element> children(Element parent, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void pngDecodesAtTheLaidOutSizeWithCellsOfAtLeast80Pixels() throws IOException {
        GridPicture picture = zhao(SOLVED.policy());
        BufferedImage image = decode(picture.png());
        assertEquals(picture.width(), image.getWidth());
        assertEquals(picture.height(), image.getHeight());
        assertTrue(picture.cellSize() >= 80, "cell " + picture.cellSize());
        assertTrue(image.getWidth() >= 5 * picture.cellSize() && image.getHeight() >= 5 * picture.cellSize());
    }

    @Test
    void targetIsTheTargetColourAndForbiddenCellsHaveTheirAmberFrame() throws IOException {
        GridPicture picture = zhao(SOLVED.policy());
        BufferedImage image = decode(picture.png());
        int cell = picture.cellSize();
        // Target (3,2): left of the STAY dot and below the value, away from the frame.
        assertEquals(GridPicture.TARGET, pixel(image, picture.cellLeft(2) + cell * 0.15, picture.cellTop(3) + cell * 0.55));
        // Forbidden (1,1): its frame, just inside the cell's left edge, halfway down.
        assertEquals(GridPicture.FORBIDDEN, pixel(image, picture.cellLeft(1) + 2, picture.cellTop(1) + cell * 0.5));
        // A free cell (0,0) has no amber there.
        assertNotEquals(GridPicture.FORBIDDEN, pixel(image, picture.cellLeft(0) + 2, picture.cellTop(0) + cell * 0.5));
    }

    @Test
    void highestAndLowestValuesGetDifferentHeatColours() throws IOException {
        GridPicture picture = zhao(SOLVED.policy());
        BufferedImage image = decode(picture.png());
        int cell = picture.cellSize();
        // v*(0,1) = 5.58 is the lowest, v*(4,2) = 10 (free, not the target) the highest (Zhao Fig. 3.4).
        Color lowest = pixel(image, picture.cellLeft(1) + cell * 0.1, picture.cellTop(0) + cell * 0.9);
        Color highest = pixel(image, picture.cellLeft(2) + cell * 0.1, picture.cellTop(4) + cell * 0.9);
        assertEquals(picture.heat(5.58), lowest, "the scale's colour of the lowest value");
        assertEquals(picture.heat(10), highest, "the scale's colour of the highest value");
        int distance = Math.abs(lowest.getRed() - highest.getRed()) + Math.abs(lowest.getGreen() - highest.getGreen())
                + Math.abs(lowest.getBlue() - highest.getBlue());
        assertTrue(distance > 300, lowest + " vs " + highest);
    }

    @Test
    void svgHasOneValueTextPerCellAndOneArrowPerAction() throws Exception {
        String svg = zhao(SOLVED.policy()).svg();
        Element[] cells = cells(parse(svg));
        for (int s = 0; s < ZHAO.stateCount(); s++) {
            List<Element> texts = children(cells[s], "text", "value");
            assertEquals(1, texts.size(), "state " + s);
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f", SOLVED.stateValues().toArray()[s]),
                    texts.get(0).getTextContent(), "state " + s);
            List<Element> arrows = children(cells[s], "g", "arrow");
            assertEquals(1, arrows.size(), "a deterministic policy: one arrow in state " + s);
            assertEquals(GridAction.values()[SOLVED.policy().mostProbableAction(s)].name(),
                    arrows.get(0).getAttribute("data-action"));
        }
        // The target's action is STAY: a dot, not an arrow.
        assertEquals("STAY", children(cells[ZHAO.state(3, 2)], "g", "arrow").get(0).getAttribute("data-action"));
    }

    @Test
    void tiesDrawEveryTiedActionAndDecimalsAreRespected() throws Exception {
        GridPicture picture = GridPicture.builder(ZHAO, SOLVED.stateValues().toArray())
                .policy(GridPicture.greedyWithTies(SOLVED.actionValues())).decimals(3).build();
        Element[] cells = cells(parse(picture.svg()));
        // (0,4): down and left are both optimal (8.1 * 0.9 after a 0 reward either way), as JSON's tie note says.
        List<String> actions = new ArrayList<>();
        for (Element arrow : children(cells[ZHAO.state(0, 4)], "g", "arrow")) {
            actions.add(arrow.getAttribute("data-action"));
        }
        assertEquals(List.of("DOWN", "LEFT"), actions);
        assertEquals("5.832", children(cells[ZHAO.state(0, 0)], "text", "value").get(0).getTextContent());
    }

    @Test
    void svgAndPngShareOneLayout() throws Exception {
        GridPicture picture = zhao(SOLVED.policy());
        Element root = parse(picture.svg()).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(String.valueOf(picture.width()), root.getAttribute("width"));
        assertEquals(String.valueOf(picture.height()), root.getAttribute("height"));
        Element target = cells(parse(picture.svg()))[ZHAO.state(3, 2)];
        Element fill = (Element) target.getElementsByTagName("rect").item(0);
        assertEquals(String.valueOf(picture.cellLeft(2)), fill.getAttribute("x"));
        assertEquals(String.valueOf(picture.cellTop(3)), fill.getAttribute("y"));
        assertEquals(String.format("#%06x", GridPicture.TARGET.getRGB() & 0xffffff), fill.getAttribute("fill"));
    }

    @Test
    void wallsHaveNoValueAndTerminalCellsNoArrow() throws Exception {
        GridWorld world = GridWorld.builder("S.W\n.#X\n..T\n").build();
        PlanningResult result = new ValueIteration(0.9, 1e-10).solve(world);
        GridPicture picture = GridPicture.builder(world, result.stateValues().toArray()).policy(result.policy()).build();
        NodeList groups = parse(picture.svg()).getElementsByTagName("g");
        int valueTexts = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("cell")) {
                continue;
            }
            String type = g.getAttribute("data-type");
            int values = children(g, "text", "value").size();
            valueTexts += values;
            assertEquals(type.equals("wall") ? 0 : 1, values, type);
            assertEquals(type.equals("wall") || type.equals("terminal") ? 0 : 1, children(g, "g", "arrow").size(), type);
        }
        assertEquals(8, valueTexts, "one per cell but the wall");
        assertEquals(CellType.WALL, world.cell(2));
    }

    @Test
    void worldsAboveTheCellLimitAreRefusedAndLargeOnesDropTheText() throws Exception {
        String row = ".".repeat(101) + "\n";
        GridWorld huge = GridWorld.builder("T" + row.substring(1) + row.repeat(99)).build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GridPicture.builder(huge, new double[huge.stateCount()]));
        assertTrue(refused.getMessage().contains("10100 cells; pictures draw at most 10000"), refused.getMessage());

        String wide = ".".repeat(100) + "\n";
        GridWorld large = GridWorld.builder("T" + wide.substring(1) + wide.repeat(99)).build();
        GridPicture picture = GridPicture.builder(large, new double[large.stateCount()]).build();
        assertTrue(picture.cellSize() < GridPicture.MIN_TEXT_CELL);
        assertTrue(picture.width() <= GridPicture.MAX_GRID_PIXELS + 300, "width " + picture.width());
        assertFalse(picture.svg().contains("class=\"value\""), "no value text in 24-pixel cells");
        assertEquals(picture.width(), decode(picture.png()).getWidth());
    }

    @Test
    void writeWritesBothFiles(@TempDir Path dir) throws IOException {
        zhao(SOLVED.policy()).write(dir.resolve("v.png"), dir.resolve("v.svg"));
        assertTrue(decode(Files.readAllBytes(dir.resolve("v.png"))).getWidth() > 0);
        assertTrue(Files.readString(dir.resolve("v.svg")).startsWith("<?xml"));
    }
}
