package org.scipionj.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks the directories (IFDs) of a classic or BigTIFF file and checks that it is a movie this
 * package can read: every page one sample per pixel of 8, 16 or 32 bits (integer or float), the same
 * size and layout on every page, a supported compression, and all strips or tiles inside the file
 * (so a half-copied movie is reported as {@code TRUNCATED}, not read as a wrong image). Only the
 * directories are read, not the pixel data. Stateless, so thread-safe.
 *
 * <pre>{@code
 * TiffInfo info = TiffHeaderReader.read(Path.of("movie.tif"));
 * int frames = info.frames();
 * }</pre>
 */
public final class TiffHeaderReader {

    /** Most pages accepted (a guard against directory loops and garbage). */
    public static final int MAX_PAGES = 100_000;

    private static final int TAG_WIDTH = 256;
    private static final int TAG_HEIGHT = 257;
    private static final int TAG_BITS = 258;
    private static final int TAG_COMPRESSION = 259;
    private static final int TAG_STRIP_OFFSETS = 273;
    private static final int TAG_SAMPLES = 277;
    private static final int TAG_STRIP_COUNTS = 279;
    private static final int TAG_PREDICTOR = 317;
    private static final int TAG_TILE_OFFSETS = 324;
    private static final int TAG_TILE_COUNTS = 325;
    private static final int TAG_SAMPLE_FORMAT = 339;
    private static final int TAG_ROWS_PER_STRIP = 278;
    private static final int TAG_TILE_WIDTH = 322;

    private TiffHeaderReader() {
    }

    /**
     * Reads and checks the directories of {@code file}.
     *
     * @throws InvalidImageException not a TIFF, unsupported layout, pages that differ, or data
     *         beyond the end of the file (message says which page and what to do)
     * @throws IOException if the file cannot be read
     */
    public static TiffInfo read(Path file) throws IOException {
        return layout(file).info();
    }

    /** As {@link #read(Path)}, with where each page's strips are (for {@link TiffMovieReader}). */
    static TiffLayout layout(Path file) throws IOException {
        try (FileChannel ch = MrcHeaderReader.open(file)) {
            return new Walk(file, ch).run();
        }
    }

    /**
     * The checked directories and, per page, the file offsets and byte counts of its strips (or tiles).
     *
     * @param info what all pages share
     * @param offsets per page, the offset of each strip or tile
     * @param counts per page, the byte count of each strip or tile
     * @param rowsPerStrip per page, rows in each strip (the last may hold fewer)
     * @param plainStrips whether every page is stored in strips (not tiles) with page 0's compression and predictor
     */
    record TiffLayout(TiffInfo info, long[][] offsets, long[][] counts, int[] rowsPerStrip, boolean plainStrips) {
    }

    /** One pass over one file's directories. */
    private static final class Walk {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private ByteOrder order;
        private boolean big;

        Walk(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            this.size = ch.size();
        }

        TiffLayout run() throws IOException {
            if (size < 8) {
                throw invalid(InvalidImageException.Reason.TOO_SHORT, "is only " + size
                        + " bytes, shorter than a TIFF header; the file may still be being written (wait and retry)"
                        + " or it is not a TIFF file");
            }
            ByteBuffer head = bytes(0, (int) Math.min(16, size));
            int b0 = head.get(0);
            int b1 = head.get(1);
            if (b0 == 'I' && b1 == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (b0 == 'M' && b1 == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw notTiff();
            }
            head.order(order);
            int magic = head.getShort(2) & 0xffff;
            long ifd;
            if (magic == 42) {
                ifd = head.getInt(4) & 0xffffffffL;
            } else if (magic == 43 && size >= 16 && head.getShort(4) == 8) {
                big = true;
                ifd = head.getLong(8);
            } else {
                throw notTiff();
            }
            Page first = null;
            int pages = 0;
            java.util.List<Page> all = new java.util.ArrayList<>();
            Set<Long> seen = new HashSet<>();
            while (ifd != 0) {
                if (!seen.add(ifd) || pages >= MAX_PAGES) {
                    throw invalid(InvalidImageException.Reason.BAD_HEADER, "has a TIFF directory chain that loops"
                            + " or exceeds " + MAX_PAGES + " pages (at page " + pages + "); the file is corrupt");
                }
                Page p = new Page();
                ifd = readDirectory(ifd, pages, p);
                check(p, pages, first);
                all.add(p);
                if (first == null) {
                    first = p;
                }
                pages++;
            }
            if (first == null) {
                throw invalid(InvalidImageException.Reason.BAD_HEADER, "is a TIFF file without any page");
            }
            TiffInfo info = new TiffInfo(first.width, first.height, pages, first.type, first.compression,
                    first.predictor, order, big);
            long[][] offsets = new long[pages][];
            long[][] counts = new long[pages][];
            int[] rows = new int[pages];
            boolean plain = true;
            for (int i = 0; i < pages; i++) {
                Page p = all.get(i);
                offsets[i] = p.offsets;
                counts[i] = p.counts;
                rows[i] = (int) Math.max(1, Math.min(p.height, p.rowsPerStrip));
                plain &= !p.tiled && p.compression == first.compression && p.predictor == first.predictor;
            }
            return new TiffLayout(info, offsets, counts, rows, plain);
        }

        /** Reads the directory at {@code offset} into {@code p}; returns the next directory's offset. */
        private long readDirectory(long offset, int page, Page p) throws IOException {
            int countBytes = big ? 8 : 2;
            int entryBytes = big ? 20 : 12;
            if (offset < 8 || offset + countBytes > size) {
                throw truncated("its directory for page " + page + " starts at byte " + offset);
            }
            ByteBuffer cb = bytes(offset, countBytes);
            long n = big ? cb.getLong(0) : cb.getShort(0) & 0xffff;
            if (n <= 0 || n > 10_000) {
                throw invalid(InvalidImageException.Reason.BAD_HEADER, "has a TIFF directory with " + n
                        + " entries for page " + page + "; the file is corrupt");
            }
            long end = offset + countBytes + n * entryBytes + (big ? 8 : 4);
            if (end > size) {
                throw truncated("its directory for page " + page + " ends at byte " + end);
            }
            ByteBuffer d = bytes(offset + countBytes, (int) (end - offset - countBytes));
            for (int i = 0; i < n; i++) {
                int e = i * entryBytes;
                int tag = d.getShort(e) & 0xffff;
                int type = d.getShort(e + 2) & 0xffff;
                long count = big ? d.getLong(e + 4) : d.getInt(e + 4) & 0xffffffffL;
                int valueAt = e + (big ? 12 : 8);
                switch (tag) {
                    case TAG_WIDTH -> p.width = (int) Math.min(Integer.MAX_VALUE, values(d, valueAt, type, count, page, tag)[0]);
                    case TAG_HEIGHT -> p.height = (int) Math.min(Integer.MAX_VALUE, values(d, valueAt, type, count, page, tag)[0]);
                    case TAG_BITS -> p.bits = (int) values(d, valueAt, type, count, page, tag)[0];
                    case TAG_COMPRESSION -> p.compressionCode = (int) values(d, valueAt, type, count, page, tag)[0];
                    case TAG_SAMPLES -> p.samples = (int) values(d, valueAt, type, count, page, tag)[0];
                    case TAG_PREDICTOR -> p.predictor = (int) values(d, valueAt, type, count, page, tag)[0];
                    case TAG_ROWS_PER_STRIP -> p.rowsPerStrip = values(d, valueAt, type, count, page, tag)[0];
                    case TAG_TILE_WIDTH -> p.tiled = true;
                    case TAG_SAMPLE_FORMAT -> p.sampleFormat = (int) values(d, valueAt, type, count, page, tag)[0];
                    case TAG_STRIP_OFFSETS, TAG_TILE_OFFSETS -> p.offsets = values(d, valueAt, type, count, page, tag);
                    case TAG_STRIP_COUNTS, TAG_TILE_COUNTS -> p.counts = values(d, valueAt, type, count, page, tag);
                    default -> {
                        // NB: other tags (resolution, software, description...) are not needed
                    }
                }
            }
            int next = (int) (n * entryBytes);
            return big ? d.getLong(next) : d.getInt(next) & 0xffffffffL;
        }

        /** The values of one entry (SHORT, LONG or LONG8 integers), inline or at their offset. */
        private long[] values(ByteBuffer d, int at, int type, long count, int page, int tag) throws IOException {
            int width = switch (type) {
                case 3 -> 2; // SHORT
                case 4, 13 -> 4; // LONG, IFD
                case 16, 17, 18 -> 8; // LONG8, SLONG8, IFD8
                case 1, 7 -> 1; // BYTE, UNDEFINED
                default -> 0;
            };
            if (width == 0 || count <= 0 || count > 10_000_000) {
                throw invalid(InvalidImageException.Reason.BAD_HEADER, "has TIFF tag " + tag + " on page " + page
                        + " with type " + type + " and " + count + " values, which this reader cannot use;"
                        + " the file is corrupt or not a movie");
            }
            long bytes = count * width;
            ByteBuffer src;
            int pos;
            if (bytes <= (big ? 8 : 4)) {
                src = d;
                pos = at;
            } else {
                long off = big ? d.getLong(at) : d.getInt(at) & 0xffffffffL;
                if (off + bytes > size) {
                    throw truncated("the values of TIFF tag " + tag + " on page " + page + " end at byte " + (off + bytes));
                }
                src = bytes(off, (int) bytes);
                pos = 0;
            }
            long[] out = new long[(int) count];
            for (int i = 0; i < count; i++) {
                int q = pos + i * width;
                out[i] = switch (width) {
                    case 1 -> src.get(q) & 0xff;
                    case 2 -> src.getShort(q) & 0xffff;
                    case 4 -> src.getInt(q) & 0xffffffffL;
                    default -> src.getLong(q);
                };
            }
            return out;
        }

        private void check(Page p, int page, Page first) throws InvalidImageException {
            if (p.width <= 0 || p.height <= 0 || p.width > MrcHeaderReader.MAX_AXIS || p.height > MrcHeaderReader.MAX_AXIS) {
                throw invalid(InvalidImageException.Reason.BAD_DIMENSIONS, "has impossible dimensions " + p.width
                        + " x " + p.height + " on page " + page + " (each must be 1.." + MrcHeaderReader.MAX_AXIS
                        + "); the file is corrupt");
            }
            if (p.samples != 1) {
                throw invalid(InvalidImageException.Reason.UNSUPPORTED_DATA, "has " + p.samples + " samples per pixel"
                        + " on page " + page + " (colour or alpha); EM movies have one; convert it to a grey-scale TIFF or MRC");
            }
            p.type = TiffPixelType.of(p.bits, p.sampleFormat);
            if (p.type == null) {
                throw invalid(InvalidImageException.Reason.UNKNOWN_MODE, "has " + p.bits + "-bit samples of format "
                        + p.sampleFormat + " on page " + page + "; supported are 8-, 16- and 32-bit integers and"
                        + " 32-bit floats; convert it (e.g. IMOD 'tif2mrc') to MRC");
            }
            p.compression = TiffCompression.of(p.compressionCode);
            if (p.compression == null) {
                throw invalid(InvalidImageException.Reason.UNSUPPORTED_DATA, "uses TIFF compression "
                        + p.compressionCode + " on page " + page + "; supported are none (1), LZW (5), deflate (8,"
                        + " 32946) and PackBits (32773); convert it, e.g. with IMOD 'tif2mrc' or 'newstack'");
            }
            if (p.offsets == null || p.counts == null || p.offsets.length != p.counts.length) {
                throw invalid(InvalidImageException.Reason.BAD_HEADER, "has no usable strip or tile offsets on page "
                        + page + "; the file is corrupt");
            }
            for (int i = 0; i < p.offsets.length; i++) {
                long end = p.offsets[i] + p.counts[i];
                if (p.offsets[i] < 0 || end > size) {
                    throw truncated("the data of page " + page + " end at byte " + end);
                }
            }
            if (first != null && (p.width != first.width || p.height != first.height || p.type != first.type)) {
                throw invalid(InvalidImageException.Reason.BAD_DIMENSIONS, "has page " + page + " of " + p.width + " x "
                        + p.height + " " + p.type + " but page 0 is " + first.width + " x " + first.height + " "
                        + first.type + "; a movie's pages must all be alike");
            }
        }

        private ByteBuffer bytes(long offset, int length) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw truncated("reading stopped at byte " + (offset + b.position()));
                }
            }
            return b.order(order == null ? ByteOrder.BIG_ENDIAN : order);
        }

        private InvalidImageException notTiff() {
            return invalid(InvalidImageException.Reason.NOT_RECOGNISED, "is not a TIFF file: it does not start with"
                    + " 'II*' or 'MM*' (TIFF) or their BigTIFF forms; give a TIFF movie or rename the file to its real format");
        }

        private InvalidImageException truncated(String where) {
            return invalid(InvalidImageException.Reason.TRUNCATED, "has " + size + " bytes but " + where
                    + "; the file may still be being written or was cut short; wait for the transfer to finish"
                    + " (raise the file timeout) or copy the file again");
        }

        private InvalidImageException invalid(InvalidImageException.Reason reason, String what) {
            return new InvalidImageException(file, reason, file + " " + what);
        }
    }

    /** The tags of one page that matter. */
    private static final class Page {
        int width;
        int height;
        int bits = 1;
        int samples = 1;
        int sampleFormat = 1;
        int compressionCode = 1;
        int predictor = 1;
        long[] offsets;
        long[] counts;
        long rowsPerStrip = Integer.MAX_VALUE;
        boolean tiled;
        TiffPixelType type;
        TiffCompression compression;
    }
}
