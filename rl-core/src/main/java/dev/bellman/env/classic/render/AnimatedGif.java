package dev.bellman.env.classic.render;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Writes an animated GIF one frame at a time with the JDK's own {@code javax.imageio} GIF writer,
 * so that a long episode never holds more than one frame in memory: {@link #append} encodes a frame
 * and sends it to the output at once, {@link #close} writes the trailer.
 *
 * <pre>{@code
 * try (AnimatedGif gif = AnimatedGif.create(Path.of("episode.gif"), 20)) {
 *     gif.append(frame);   // once per frame
 * }
 * }</pre>
 *
 * <p>Every frame shows for the same delay. GIF stores delays in hundredths of a second, so the
 * delay in milliseconds is rounded to the nearest multiple of {@value #DELAY_RESOLUTION_MILLIS} ms
 * (halves up), and never below 10 ms: 1–14 ms become 10 ms, 15–24 ms become 20 ms. Browsers commonly
 * show delays under 20 ms as 100 ms, so 20 ms (50 frames a second) is the shortest delay that plays
 * as written everywhere. All frames must have the size of the first. Frames are drawn opaque: an
 * image with transparency is composed over white first. Colours are reduced to each frame's own
 * palette of at most 256 colours, which the flat-coloured frames of the renderers here fit exactly.
 *
 * <p>Not thread-safe.
 */
public final class AnimatedGif implements Closeable {

    /** The step in which GIF measures frame delays, ms. */
    public static final int DELAY_RESOLUTION_MILLIS = 10;
    /** The longest delay GIF can store (65535 hundredths of a second), ms. */
    public static final int MAX_DELAY_MILLIS = 65_535 * DELAY_RESOLUTION_MILLIS;
    /** The loop count that makes the animation repeat forever. */
    public static final int LOOP_FOREVER = 0;

    private static final String IMAGE_METADATA_FORMAT = "javax_imageio_gif_image_1.0";
    private static final int MAX_DIMENSION = 65_535;

    private final ImageWriter writer;
    private final ImageOutputStream output;
    private final OutputStream destination;
    private final boolean closeDestination;
    private final Path file;
    private final int delayHundredths;
    private final int loopCount;
    private int width;
    private int height;
    private int frameCount;
    private boolean closed;

    private AnimatedGif(OutputStream destination, boolean closeDestination, Path file, int delayHundredths,
                        int loopCount) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no javax.imageio writer for GIF");
        }
        this.writer = writers.next();
        this.destination = destination;
        this.closeDestination = closeDestination;
        this.file = file;
        this.delayHundredths = delayHundredths;
        this.loopCount = loopCount;
        // A memory cache flushed after every frame streams to the destination without a temporary file.
        this.output = new MemoryCacheImageOutputStream(destination);
        writer.setOutput(output);
        writer.prepareWriteSequence(null);
    }

    /**
     * Starts an animated GIF in {@code file} (created, or truncated if it exists) that loops forever.
     *
     * @param file             the file to write
     * @param frameDelayMillis how long each frame shows, ms, in {@code [1, MAX_DELAY_MILLIS]};
     *                         rounded to the nearest 10 ms as the class description explains
     * @return a GIF waiting for its frames
     * @throws IllegalArgumentException if {@code file} is {@code null} or the delay is out of range
     * @throws IOException              if the file cannot be opened
     */
    public static AnimatedGif create(Path file, int frameDelayMillis) throws IOException {
        return create(file, frameDelayMillis, LOOP_FOREVER);
    }

    /**
     * Starts an animated GIF in {@code file} (created, or truncated if it exists).
     *
     * @param file             the file to write
     * @param frameDelayMillis how long each frame shows, ms, in {@code [1, MAX_DELAY_MILLIS]}
     * @param loopCount        the NETSCAPE2.0 loop count in {@code [0, 65535]}: {@link #LOOP_FOREVER}
     *                         (0) repeats forever, {@code n} asks for {@code n} repetitions after the
     *                         first play
     * @return a GIF waiting for its frames
     * @throws IllegalArgumentException if {@code file} is {@code null} or a number is out of range
     * @throws IOException              if the file cannot be opened
     */
    public static AnimatedGif create(Path file, int frameDelayMillis, int loopCount) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null; expected the path of the GIF to write");
        }
        int delayHundredths = delayInHundredths(frameDelayMillis);
        requireLoopCount(loopCount);
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file));
        try {
            return new AnimatedGif(stream, true, file, delayHundredths, loopCount);
        } catch (IOException | RuntimeException e) {
            stream.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Starts an animated GIF that loops forever on {@code stream}. {@link #close()} flushes the stream
     * but leaves it open.
     *
     * @param stream           where the GIF's bytes go
     * @param frameDelayMillis how long each frame shows, ms, in {@code [1, MAX_DELAY_MILLIS]}
     * @return a GIF waiting for its frames
     * @throws IllegalArgumentException if {@code stream} is {@code null} or the delay is out of range
     * @throws IOException              if the GIF writer cannot be set up on the stream
     */
    public static AnimatedGif create(OutputStream stream, int frameDelayMillis) throws IOException {
        return create(stream, frameDelayMillis, LOOP_FOREVER);
    }

    /**
     * Starts an animated GIF on {@code stream}. {@link #close()} flushes the stream but leaves it open.
     *
     * @param stream           where the GIF's bytes go
     * @param frameDelayMillis how long each frame shows, ms, in {@code [1, MAX_DELAY_MILLIS]}
     * @param loopCount        the NETSCAPE2.0 loop count in {@code [0, 65535]}; {@link #LOOP_FOREVER}
     *                         repeats forever
     * @return a GIF waiting for its frames
     * @throws IllegalArgumentException if {@code stream} is {@code null} or a number is out of range
     * @throws IOException              if the GIF writer cannot be set up on the stream
     */
    public static AnimatedGif create(OutputStream stream, int frameDelayMillis, int loopCount) throws IOException {
        if (stream == null) {
            throw new IllegalArgumentException("stream is null; expected the stream to write the GIF to");
        }
        int delayHundredths = delayInHundredths(frameDelayMillis);
        requireLoopCount(loopCount);
        return new AnimatedGif(stream, false, null, delayHundredths, loopCount);
    }

    /**
     * Writes {@code frames} to {@code file} as an animated GIF that loops forever.
     *
     * @param file             the file to write (created, or truncated if it exists)
     * @param frames           the frames in order, at least one, all the same size
     * @param frameDelayMillis how long each frame shows, ms, in {@code [1, MAX_DELAY_MILLIS]}
     * @throws IllegalArgumentException if an argument is {@code null}, {@code frames} is empty or
     *                                  holds a {@code null} frame or frames of different sizes, or the
     *                                  delay is out of range
     * @throws IOException              if writing fails
     */
    public static void write(Path file, List<BufferedImage> frames, int frameDelayMillis) throws IOException {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames is " + (frames == null ? "null" : "empty")
                    + "; an animated GIF needs at least one frame");
        }
        try (AnimatedGif gif = create(file, frameDelayMillis)) {
            for (BufferedImage frame : frames) {
                gif.append(frame);
            }
        }
    }

    /**
     * The delay GIF stores for {@code frameDelayMillis}: the nearest whole number of hundredths of a
     * second (halves up), at least 1.
     *
     * @param frameDelayMillis a delay in {@code [1, MAX_DELAY_MILLIS]}, ms
     * @return the delay in hundredths of a second, in {@code [1, 65535]}
     * @throws IllegalArgumentException if the delay is out of range
     */
    public static int delayInHundredths(int frameDelayMillis) {
        if (frameDelayMillis < 1 || frameDelayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("frame delay " + frameDelayMillis + " ms is out of range; expected [1, "
                    + MAX_DELAY_MILLIS + "] ms");
        }
        return Math.max(1, (frameDelayMillis + DELAY_RESOLUTION_MILLIS / 2) / DELAY_RESOLUTION_MILLIS);
    }

    private static void requireLoopCount(int loopCount) {
        if (loopCount < 0 || loopCount > 65_535) {
            throw new IllegalArgumentException("loop count " + loopCount + " is out of range; expected [0, 65535] ("
                    + LOOP_FOREVER + " loops forever)");
        }
    }

    /** @return the delay every frame shows for, as stored in the GIF, ms (a multiple of 10) */
    public int frameDelayMillis() {
        return delayHundredths * DELAY_RESOLUTION_MILLIS;
    }

    /** @return the number of frames appended so far */
    public int frameCount() {
        return frameCount;
    }

    /**
     * Encodes {@code frame} and writes it out; the image is not kept, so the caller may draw the
     * next frame into the same image.
     *
     * @param frame the next frame, of the size of the first one (any size up to 65535×65535 for the
     *              first)
     * @throws IllegalArgumentException if {@code frame} is {@code null} or its size differs from the
     *                                  first frame's
     * @throws IllegalStateException    if the GIF is closed
     * @throws IOException              if writing fails
     */
    public void append(BufferedImage frame) throws IOException {
        if (closed) {
            throw new IllegalStateException("append called after close; the GIF" + (file == null ? "" : " " + file)
                    + " is finished with " + frameCount + " frames");
        }
        if (frame == null) {
            throw new IllegalArgumentException("frame " + frameCount + " is null; expected an image");
        }
        if (frameCount == 0) {
            if (frame.getWidth() > MAX_DIMENSION || frame.getHeight() > MAX_DIMENSION) {
                throw new IllegalArgumentException("frame is " + frame.getWidth() + "x" + frame.getHeight()
                        + " pixels; GIF allows at most " + MAX_DIMENSION + " in each direction");
            }
            width = frame.getWidth();
            height = frame.getHeight();
        } else if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frameCount + " is " + frame.getWidth() + "x"
                    + frame.getHeight() + " pixels; expected " + width + "x" + height
                    + ", the size of the first frame, as every frame of the GIF covers the whole picture");
        }
        BufferedImage opaque = opaque(frame);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(opaque), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IMAGE_METADATA_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        // Each frame covers the whole picture, so the previous one needs no disposal.
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        if (frameCount == 0) {
            // Readers look for the loop count in the first frame's NETSCAPE2.0 application extension.
            IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
            extension.setAttribute("applicationID", "NETSCAPE");
            extension.setAttribute("authenticationCode", "2.0");
            extension.setUserObject(new byte[] {1, (byte) (loopCount & 0xFF), (byte) ((loopCount >> 8) & 0xFF)});
            child(root, "ApplicationExtensions").appendChild(extension);
        }
        metadata.setFromTree(IMAGE_METADATA_FORMAT, root);
        writer.writeToSequence(new IIOImage(opaque, null, metadata), param);
        output.flush();
        frameCount++;
    }

    /** {@code frame} itself if it is plain RGB, else a copy composed over white. */
    private static BufferedImage opaque(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return frame;
        }
        BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, copy.getWidth(), copy.getHeight());
            graphics.drawImage(frame, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }

    /** The child of {@code parent} named {@code name}, added if it is missing. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /**
     * Writes the GIF's trailer and releases the writer; closes the file, or flushes a caller's stream
     * without closing it. Closing again does nothing.
     *
     * @throws IllegalStateException if no frame was appended: nothing valid can be written, and a
     *                               file created by {@link #create(Path, int)} is deleted
     * @throws IOException           if writing fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (frameCount > 0) {
                writer.endWriteSequence();
            }
            output.close();
            destination.flush();
        } finally {
            writer.dispose();
            if (closeDestination) {
                destination.close();
            }
        }
        if (frameCount == 0) {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw new IllegalStateException("closed with no frames" + (file == null ? "" : "; deleted " + file)
                    + "; an animated GIF needs at least one frame");
        }
    }
}
