package org.scipionj.image.io.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.scipionj.image.io.MrcHeader;

/** Encodes an {@link MrcHeader} into its 1024 bytes, in the header's byte order. Stateless, so thread-safe. */
public final class MrcHeaderBytes {

    private MrcHeaderBytes() {
    }

    /** The 1024 header bytes of {@code h}, ready to write at offset 0 (position 0, limit 1024). */
    public static ByteBuffer encode(MrcHeader h) {
        ByteBuffer b = ByteBuffer.allocate(MrcHeader.HEADER_BYTES).order(h.byteOrder());
        b.putInt(0, h.nx()).putInt(4, h.ny()).putInt(8, h.nz()).putInt(12, h.mode());
        b.putInt(16, h.nxStart()).putInt(20, h.nyStart()).putInt(24, h.nzStart());
        b.putInt(28, h.mx()).putInt(32, h.my()).putInt(36, h.mz());
        b.putFloat(40, h.cellX()).putFloat(44, h.cellY()).putFloat(48, h.cellZ());
        b.putFloat(52, 90f).putFloat(56, 90f).putFloat(60, 90f);
        b.putInt(64, h.mapc()).putInt(68, h.mapr()).putInt(72, h.maps());
        b.putFloat(76, h.dmin()).putFloat(80, h.dmax()).putFloat(84, h.dmean());
        b.putInt(88, h.ispg()).putInt(92, h.nsymbt());
        if (!h.exttyp().isEmpty()) {
            putAscii(b, 104, h.exttyp(), 4);
        }
        b.putInt(108, h.nversion());
        b.putFloat(196, h.originX()).putFloat(200, h.originY()).putFloat(204, h.originZ());
        putAscii(b, 208, "MAP ", 4);
        // NB: the stamp always matches the byte order; 44 41 (an older little-endian form) is kept.
        int stamp = h.byteOrder() == ByteOrder.BIG_ENDIAN ? 0x11110000
                : h.machineStamp() == 0x44410000 ? 0x44410000 : 0x44440000;
        b.put(212, (byte) (stamp >>> 24)).put(213, (byte) (stamp >>> 16))
                .put(214, (byte) (stamp >>> 8)).put(215, (byte) stamp);
        b.putFloat(216, h.rms());
        b.putInt(220, h.labels().size());
        for (int i = 0; i < h.labels().size(); i++) {
            putAscii(b, 224 + i * MrcHeader.LABEL_LENGTH, h.labels().get(i), MrcHeader.LABEL_LENGTH);
        }
        return b;
    }

    /** Writes {@code s} as ASCII at {@code offset}, cut to {@code length} and padded with spaces. */
    private static void putAscii(ByteBuffer b, int offset, String s, int length) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            b.put(offset + i, i < bytes.length ? bytes[i] : (byte) ' ');
        }
    }
}
