package org.emgmm.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a {@link Picture} into the bytes of a PNG, SVG or animated GIF file, in memory (files are
 * written only when every picture is ready, see {@link PictureFiles}).
 * <ul>
 *   <li><b>PNG</b>: the picture painted on a bitmap of round(width · s) × round(height · s) pixels,
 *       scaled by s = dpi / 72, with the resolution recorded in the file (its pHYs chunk, in pixels per
 *       metre: dpi / 0.0254).</li>
 *   <li><b>SVG</b>: the picture painted on VectorGraphics2D (the library XChart's own SVG export uses),
 *       width × height units, no pixels.</li>
 *   <li><b>GIF</b>: frames painted like PNGs, written in sequence by the JDK's GIF writer, looping
 *       forever (the NETSCAPE2.0 extension that browsers honour).</li>
 * </ul>
 * Nothing here depends on the clock or on chance: the same picture always gives the same bytes on one
 * machine. (Fonts differ between machines, so pictures may differ by a few pixels there.)
 */
public final class PictureEncoder {

    static {
        Headless.ensure();
    }

    /** Java 2D's user space has 72 units per inch, like PostScript, PDF and SVG: at 72 dpi a unit is a pixel. */
    public static final int BASE_DPI = 72;

    /** How long each frame of the animation shows, in hundredths of a second: slow enough to follow a mean. */
    static final int FRAME_DELAY = 40;

    /** How long the last frame, the fitted model, shows before the animation starts again: 3 s. */
    static final int LAST_FRAME_DELAY = 300;

    private static final double METRES_PER_INCH = 0.0254;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";
    private static final String GIF_METADATA = "javax_imageio_gif_image_1.0";

    private PictureEncoder() {
    }

    /**
     * The pixels that {@code size} units take at {@code dpi}.
     *
     * @param size a width or height in user-space units (1/72 inch)
     * @param dpi  dots per inch
     * @return round(size · dpi / 72)
     */
    public static int pixels(int size, int dpi) {
        return (int) Math.round(size * (double) dpi / BASE_DPI);
    }

    /**
     * The picture painted on a white bitmap at {@code dpi}.
     *
     * @param picture what to paint
     * @param dpi     dots per inch: 72 gives one pixel per unit
     * @return an RGB image of {@link #pixels} × {@link #pixels} pixels
     */
    public static BufferedImage bitmap(Picture picture, int dpi) {
        BufferedImage image = new BufferedImage(pixels(picture.width(), dpi), pixels(picture.height(), dpi),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(dpi / (double) BASE_DPI, dpi / (double) BASE_DPI);
            picture.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The PNG file of the picture at {@code dpi}, with the resolution recorded.
     *
     * @param picture what to paint
     * @param dpi     dots per inch
     * @return the bytes of the PNG file
     */
    public static byte[] png(Picture picture, int dpi) {
        BufferedImage image = bitmap(picture, dpi);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            metadata.mergeTree(PNG_METADATA, resolutionNode(dpi));
            return write(writer, new IIOImage(image, null, metadata));
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("the PNG writer refused the resolution metadata", e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The SVG file of the picture, UTF-8.
     *
     * @param picture what to paint
     * @return the bytes of the SVG file
     */
    public static byte[] svg(Picture picture) {
        VectorGraphics2D g = new VectorGraphics2D();
        picture.paint(g);
        PageSize page = new PageSize(0.0, 0.0, picture.width(), picture.height());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), page).writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SVG to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The animated GIF of the frames at {@code dpi}: each shows {@link #FRAME_DELAY}, the last
     * {@link #LAST_FRAME_DELAY}, and the animation loops.
     *
     * @param frames at least one, all of one size
     * @param dpi    dots per inch
     * @return the bytes of the GIF file
     */
    public static byte[] gif(List<Picture> frames, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int f = 0; f < frames.size(); f++) {
                writeFrame(writer, frames.get(f), dpi, f == 0, f == frames.size() - 1);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the animation in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** One frame, painted and written at once, so that only one bitmap is held at a time. */
    private static void writeFrame(ImageWriter writer, Picture frame, int dpi, boolean first, boolean last)
            throws IOException {
        BufferedImage image = bitmap(frame, dpi);
        IIOMetadata metadata = gifFrameMetadata(writer, image, last ? LAST_FRAME_DELAY : FRAME_DELAY, first);
        writer.writeToSequence(new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
    }

    /** pHYs: pixels per metre on both axes. */
    private static IIOMetadataNode resolutionNode(int dpi) {
        String pixelsPerMetre = String.valueOf(Math.round(dpi / METRES_PER_INCH));
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(physical);
        return root;
    }

    /** A frame's delay, and on the first frame the instruction to loop forever. */
    private static IIOMetadata gifFrameMetadata(ImageWriter writer, BufferedImage image, int delay, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                writer.getDefaultWriteParam());
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_METADATA);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, which means forever
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        metadata.setFromTree(GIF_METADATA, root);
        return metadata;
    }

    /** The child of {@code parent} called {@code name}, added if missing. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** One image through {@code writer}, into memory. */
    private static byte[] write(ImageWriter writer, IIOImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image in memory", e);
        }
        return bytes.toByteArray();
    }
}
