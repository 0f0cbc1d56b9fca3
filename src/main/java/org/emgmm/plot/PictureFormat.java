package org.emgmm.plot;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The file formats of the pictures: {@code png} and {@code svg} for every picture, {@code gif} for the
 * animation of the EM evolution (the only picture that moves).
 */
public enum PictureFormat {

    /** A bitmap, at the chosen resolution (see {@link PictureEncoder#png}). */
    PNG("png"),
    /** Vectors, scalable without loss (see {@link PictureEncoder#svg}). */
    SVG("svg"),
    /** The animated evolution, one frame per iteration (see {@link PictureEncoder#gif}). */
    GIF("gif");

    private final String extension;

    PictureFormat(String extension) {
        this.extension = extension;
    }

    /** {@return the file extension, without the dot, e.g. {@code png}} */
    public String extension() {
        return extension;
    }

    /** {@return every format, a new modifiable set} */
    public static Set<PictureFormat> all() {
        return EnumSet.allOf(PictureFormat.class);
    }

    /**
     * The formats named in a list such as {@code [png, svg]} (case does not matter).
     *
     * @param names the values given to {@code --format}
     * @return the formats named, each once
     * @throws IllegalArgumentException for an empty list or an unknown name, listing the choices
     */
    public static Set<PictureFormat> parse(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--format names no format: choose one or more of " + choices());
        }
        Set<PictureFormat> formats = EnumSet.noneOf(PictureFormat.class);
        for (String name : names) {
            formats.add(byExtension(name.strip().toLowerCase(Locale.ROOT)));
        }
        return formats;
    }

    private static PictureFormat byExtension(String name) {
        for (PictureFormat format : values()) {
            if (format.extension.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown picture format '" + name + "' in --format: choose from "
                + choices());
    }

    private static String choices() {
        return Arrays.stream(values()).map(PictureFormat::extension).collect(Collectors.joining(", "));
    }
}
