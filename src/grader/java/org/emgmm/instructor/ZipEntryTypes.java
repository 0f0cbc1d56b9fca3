package org.emgmm.instructor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * What kind of file each entry of a zip is (a regular file, a folder, a symbolic link, something
 * else), as the unix mode stored in the zip's central directory says.
 *
 * <p>{@code java.util.zip} reads a zip's names and contents but not the "external attributes" where
 * zip tools on unix keep each entry's mode, so a symbolic link stored in a zip looks like a small
 * regular file whose content is the link's target. This class reads the central directory itself to
 * find those entries. It reads only what it needs: the end record (and its ZIP64 form), then one
 * header per entry for the name and the external attributes. Anything
 * it cannot read is a {@link ZipException}, so a zip it cannot vouch for is refused, never trusted.
 *
 * <p>An entry whose attributes carry no unix file type (zips made on Windows, or by
 * {@code java.util.zip} itself) is a regular file, or a folder when its name ends with {@code /}.
 */
final class ZipEntryTypes {

    /** The kinds of entry a zip can hold. */
    enum Type {
        /** An ordinary file: the only kind the grader unpacks. */
        REGULAR,
        /** A folder. */
        FOLDER,
        /** A symbolic link: its content is the path it points to. */
        SYMBOLIC_LINK,
        /** A device, a pipe or a socket. */
        OTHER
    }

    /**
     * One entry of the central directory.
     *
     * @param name the entry's name, as {@link java.util.zip.ZipFile} decodes it (UTF-8)
     * @param type what kind of file the entry is
     */
    record Entry(String name, Type type) {
    }

    /** A central directory larger than this is refused: a class's zips hold a few dozen entries. */
    static final long MAX_DIRECTORY_BYTES = 64L * 1024 * 1024;

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int HEADER_SIGNATURE = 0x02014b50;
    private static final int HEADER_LENGTH = 46;
    private static final int LOCAL_SIGNATURE = 0x04034b50;

    /** The file-type bits of a unix mode ({@code S_IFMT}) and the types among them. */
    private static final int TYPE_BITS = 0xF000;
    private static final int REGULAR_BITS = 0x8000;
    private static final int FOLDER_BITS = 0x4000;
    private static final int LINK_BITS = 0xA000;

    private ZipEntryTypes() {
    }

    /**
     * The entries of {@code zip}'s central directory, in its order (the order in which
     * {@link java.util.zip.ZipFile#entries()} lists them).
     *
     * @param zip the zip file
     * @return one entry per header of the central directory
     * @throws ZipException when the central directory cannot be found or read
     * @throws IOException  when the file cannot be read
     */
    static List<Entry> read(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
            long tailStart = size - tailLength;
            ByteBuffer tail = readAt(channel, tailStart, tailLength);
            // The end record is near the end, after a comment of any length: search from the end backwards,
            // and take the first candidate that fits the file, as java.util.zip does.
            for (int at = tailLength - END_LENGTH; at >= 0; at--) {
                if (tail.getInt(at) != END_SIGNATURE) {
                    continue;
                }
                long endPosition = tailStart + at;
                long directoryLength = Integer.toUnsignedLong(tail.getInt(at + 12));
                long directoryOffset = Integer.toUnsignedLong(tail.getInt(at + 16));
                long entries = Short.toUnsignedInt(tail.getShort(at + 10));
                long directoryEnd = endPosition;
                long zip64End = zip64End(channel, endPosition);
                if (zip64End >= 0) {
                    ByteBuffer end = readAt(channel, zip64End, ZIP64_END_LENGTH);
                    entries = end.getLong(32);
                    directoryLength = end.getLong(40);
                    directoryOffset = end.getLong(48);
                    directoryEnd = zip64End;
                }
                long directoryStart = directoryEnd - directoryLength;
                boolean endsTheFile = endPosition + END_LENGTH + Short.toUnsignedInt(tail.getShort(at + 20)) == size;
                if (directoryLength < 0 || directoryStart < 0 || !endsTheFile
                        && !(signatureAt(channel, directoryStart, HEADER_SIGNATURE)
                        && signatureAt(channel, directoryStart - directoryOffset, LOCAL_SIGNATURE))) {
                    continue;
                }
                return directory(channel, directoryStart, directoryLength, entries);
            }
            throw new ZipException("no end of central directory");
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new ZipException("a central directory header runs past its end");
        }
    }

    /** Where the ZIP64 end record is, when a ZIP64 locator precedes the end record; -1 when there is none. */
    private static long zip64End(FileChannel channel, long endPosition) throws IOException {
        if (endPosition < ZIP64_LOCATOR_LENGTH) {
            return -1;
        }
        ByteBuffer locator = readAt(channel, endPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return -1;
        }
        long position = locator.getLong(8);
        if (position < 0 || position > endPosition - ZIP64_LOCATOR_LENGTH - ZIP64_END_LENGTH
                || !signatureAt(channel, position, ZIP64_END_SIGNATURE)) {
            throw new ZipException("a ZIP64 locator that leads to no ZIP64 end record");
        }
        return position;
    }

    /** The {@code count} headers of the central directory at {@code start}. */
    private static List<Entry> directory(FileChannel channel, long start, long length, long count) throws IOException {
        if (length > MAX_DIRECTORY_BYTES || count > length / HEADER_LENGTH) {
            throw new ZipException("a central directory of " + length + " bytes for " + count + " entries");
        }
        ByteBuffer directory = readAt(channel, start, (int) length);
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        for (long index = 0; index < count; index++) {
            if (directory.getInt(at) != HEADER_SIGNATURE) {
                throw new ZipException("entry " + index + " of the central directory has no header");
            }
            int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
            int mode = directory.getInt(at + 38) >>> 16;
            byte[] name = new byte[nameLength];
            directory.get(at + HEADER_LENGTH, name);
            String decoded = new String(name, StandardCharsets.UTF_8);
            entries.add(new Entry(decoded, type(mode, decoded)));
            at += HEADER_LENGTH + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /**
     * The type that an entry's unix mode gives; without one, a folder if the name ends with {@code /}.
     * The mode is read whatever system the entry says made it, so that a zip cannot slip a link past
     * the check by claiming to come from elsewhere.
     *
     * @param mode the upper half of the entry's external attributes
     * @param name the entry's name
     * @return the entry's type
     */
    static Type type(int mode, String name) {
        return switch (mode & TYPE_BITS) {
            case 0 -> name.endsWith("/") ? Type.FOLDER : Type.REGULAR;
            case REGULAR_BITS -> Type.REGULAR;
            case FOLDER_BITS -> Type.FOLDER;
            case LINK_BITS -> Type.SYMBOLIC_LINK;
            default -> Type.OTHER;
        };
    }

    private static boolean signatureAt(FileChannel channel, long position, int signature) throws IOException {
        return position >= 0 && position <= channel.size() - 4 && readAt(channel, position, 4).getInt(0) == signature;
    }

    /** {@code length} bytes from {@code position}, little-endian as zips are. */
    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException("the zip ends in the middle of a record");
            }
        }
        return buffer.flip();
    }
}
