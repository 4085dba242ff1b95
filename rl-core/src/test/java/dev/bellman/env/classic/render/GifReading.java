package dev.bellman.env.classic.render;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A GIF read back with the JDK's own reader: its frames and their native metadata trees. */
record GifReading(List<BufferedImage> frames, List<IIOMetadataNode> metadata) {

    static GifReading of(byte[] bytes) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<IIOMetadataNode> metadata = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                frames.add(reader.read(i));
                metadata.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0"));
            }
            return new GifReading(frames, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /** The first element named {@code name} in frame {@code frame}'s metadata, or {@code null}. */
    IIOMetadataNode node(int frame, String name) {
        var nodes = metadata.get(frame).getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : (IIOMetadataNode) nodes.item(0);
    }
}
