package org.emgmm.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class PictureEncoderTest {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 200;

    /** A small chart: a title, axes and one line, fast to draw. */
    private static Picture chart() {
        TraceChart.Trace trace = new TraceChart.Trace("run", new double[] {-5.0, -4.5, -4.2, -4.1});
        return new ChartPicture("trace", TraceChart.draw("a trace", List.of(trace), WIDTH, HEIGHT));
    }

    /** A picture that paints nothing: a blank white image. */
    private static Picture blank() {
        return new Picture() {
            public String name() {
                return "blank";
            }

            public int width() {
                return WIDTH;
            }

            public int height() {
                return HEIGHT;
            }

            public void paint(Graphics2D g) {
            }
        };
    }

    /** round(W · dpi / 72) × round(H · dpi / 72): 72 dpi is the size asked, 144 twice it, 100 is 416.67 → 417. */
    @ParameterizedTest
    @CsvSource({"72, 300, 200", "144, 600, 400", "100, 417, 278", "36, 150, 100"})
    void pngPixelsAreTheSizeScaledByDpiOver72(int dpi, int pixelWidth, int pixelHeight) throws Exception {
        BufferedImage image = Images.decode(PictureEncoder.png(chart(), dpi));
        assertEquals(pixelWidth, image.getWidth());
        assertEquals(pixelHeight, image.getHeight());
        Images.assertNotBlank(image, "the chart at " + dpi + " dpi");
    }

    @Test
    void pngRecordsItsResolutionInPixelsPerMetre() throws Exception {
        byte[] png = PictureEncoder.png(chart(), 144);
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            Element physical = (Element) root.getElementsByTagName("pHYs").item(0);
            assertEquals(String.valueOf(Math.round(144 / 0.0254)), physical.getAttribute("pixelsPerUnitXAxis"));
            assertEquals("meter", physical.getAttribute("unitSpecifier"));
        } finally {
            reader.dispose();
        }
    }

    /** The blankness check can fail: a white image has variance 0. */
    @Test
    void aBlankPictureFailsTheNotBlankCheck() throws Exception {
        BufferedImage image = Images.decode(PictureEncoder.png(blank(), 72));
        assertEquals(0.0, Images.variance(image));
        assertThrows(AssertionError.class, () -> Images.assertNotBlank(image, "blank"));
    }

    @Test
    void svgIsWellFormedXmlOfThePictureSize() throws Exception {
        Element svg = Images.parseSvg(PictureEncoder.svg(chart())).getDocumentElement();
        assertEquals("0 0 300 200", svg.getAttribute("viewBox"));
    }

    @Test
    void aGifHasOneFrameForEveryPictureGiven() throws Exception {
        List<Picture> frames = List.of(chart(), blank(), chart());
        List<BufferedImage> decoded = Images.gifFrames(PictureEncoder.gif(frames, 72));
        assertEquals(3, decoded.size());
        for (BufferedImage frame : decoded) {
            assertEquals(WIDTH, frame.getWidth());
            assertEquals(HEIGHT, frame.getHeight());
        }
        Images.assertNotBlank(decoded.get(0), "frame 0");
    }

    @Test
    void theSamePictureGivesTheSameBytes() {
        assertArrayEquals(PictureEncoder.png(chart(), 72), PictureEncoder.png(chart(), 72));
        assertArrayEquals(PictureEncoder.svg(chart()), PictureEncoder.svg(chart()));
    }

    @Test
    void pixelsRoundTheScaledSize() {
        assertEquals(800, PictureEncoder.pixels(800, 72));
        assertEquals(1600, PictureEncoder.pixels(800, 144));
        assertEquals(1111, PictureEncoder.pixels(800, 100));
    }
}
