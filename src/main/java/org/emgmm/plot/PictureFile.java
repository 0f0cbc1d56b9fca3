package org.emgmm.plot;

/**
 * A rendered file, still in memory: its name in the output directory and its bytes.
 *
 * @param fileName e.g. {@code clusters.png}
 * @param bytes    the whole file. Not copied: the array is the caller's once handed over.
 */
public record PictureFile(String fileName, byte[] bytes) {
}
