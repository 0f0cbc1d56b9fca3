package org.emgmm.plot;

/**
 * Pictures are drawn into files, never onto a screen, so Java's AWT runs headless: then it needs no
 * display, and works the same on a laptop, a server and CI. The property must be set before AWT first
 * asks for it; the classes that draw call {@link #ensure} in their static initialisers. A value set on
 * the command line ({@code -Djava.awt.headless=...}) is kept.
 */
public final class Headless {

    private static final String PROPERTY = "java.awt.headless";

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless it is set already. */
    public static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
