package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Decoding and inspecting the files the pictures are written as, for the tests. */
final class Images {

    /**
     * The least luminance variance (grey levels squared, of 255) of a picture that is not blank. A white
     * image has 0; a chart's axes, title and tick labels alone already exceed it, a chart with data far
     * exceeds it. 20 is a standard deviation of about 4.5 grey levels.
     */
    static final double MIN_VARIANCE = 20.0;

    private Images() {
    }

    /** A PNG or the first frame of a GIF, decoded by ImageIO; fails the test if it does not decode. */
    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "ImageIO could not decode the file");
        return image;
    }

    /** Every frame of a GIF. */
    static List<BufferedImage> gifFrames(byte[] bytes) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            for (int f = 0; f < count; f++) {
                frames.add(reader.read(f));
            }
            return frames;
        } finally {
            reader.dispose();
        }
    }

    /** The variance of the luminance over the rectangle (x, y, width, height) of the image. */
    static double variance(BufferedImage image, int x, int y, int width, int height) {
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (int row = y; row < y + height; row++) {
            for (int column = x; column < x + width; column++) {
                double luminance = luminance(image.getRGB(column, row));
                sum += luminance;
                sumOfSquares += luminance * luminance;
            }
        }
        double n = (double) width * height;
        double mean = sum / n;
        return sumOfSquares / n - mean * mean;
    }

    /** The variance of the whole image. */
    static double variance(BufferedImage image) {
        return variance(image, 0, 0, image.getWidth(), image.getHeight());
    }

    /** Asserts that the image is not blank: its luminance varies by more than {@link #MIN_VARIANCE}. */
    static void assertNotBlank(BufferedImage image, String what) {
        double variance = variance(image);
        assertTrue(variance > MIN_VARIANCE, what + " is blank: luminance variance " + variance);
    }

    /** ITU-R BT.601 luma of a packed RGB pixel, 0 (black) to 255 (white). */
    private static double luminance(int rgb) {
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        return 0.299 * red + 0.587 * green + 0.114 * blue;
    }

    /** Parses an SVG file with the JDK's XML parser (fails the test if it is not well-formed) and checks its root. */
    static Document parseSvg(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // No network: the SVG's DOCTYPE must not be fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        return document;
    }
}
