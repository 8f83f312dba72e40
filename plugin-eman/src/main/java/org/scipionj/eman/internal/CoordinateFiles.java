package org.scipionj.eman.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * The coordinate files written beside each picked micrograph, as the programs that read them expect:
 * <ul>
 * <li>EMAN {@code NAME.box}: one line per particle, {@code x0 y0 box box} tab-separated, {@code (x0, y0)} the
 * box's corner, i.e. the centre minus half the box, rounded to whole pixels (as Scipion's EMAN2 plugin writes
 * them; no y flip);</li>
 * <li>RELION {@code NAME_autopick.star}: a {@code data_} block with {@code rlnCoordinateX}, {@code rlnCoordinateY}
 * (centre, pixels, same origin as the items: pixel {@code (i, j)} at {@code (i, j)}), {@code
 * rlnAutopickFigureOfMerit} (the score), {@code rlnClassNumber} 0 and {@code rlnAnglePsi} -999 as RELION's
 * autopicker writes.</li>
 * </ul>
 * Written atomically (temporary file, then rename). Stateless.
 */
final class CoordinateFiles {

    private CoordinateFiles() {
    }

    static void writeBox(Path file, List<Pick> picks, int box) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Pick p : picks) {
            sb.append(Math.round(p.x() - box / 2.0)).append('\t').append(Math.round(p.y() - box / 2.0)).append('\t')
                    .append(box).append('\t').append(box).append('\n');
        }
        atomic(file, sb.toString());
    }

    static void writeStar(Path file, List<Pick> picks) throws IOException {
        StarBlock.Builder b = StarBlock.table("", List.of("rlnCoordinateX", "rlnCoordinateY",
                "rlnAutopickFigureOfMerit", "rlnClassNumber", "rlnAnglePsi"));
        for (Pick p : picks) {
            b.addRow(fmt(p.x()), fmt(p.y()), fmt(p.score()), "0", "-999.000000");
        }
        new StarFile(List.of(b.build())).write(file);
    }

    /** Reads an EMAN box file back as centres (score 0 unless a fifth column holds one). */
    static List<Pick> readBox(Path file) throws IOException {
        List<Pick> picks = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            try {
                double w = Double.parseDouble(f[2]);
                double h = Double.parseDouble(f[3]);
                double score = f.length > 4 ? Double.parseDouble(f[4]) : 0;
                picks.add(new Pick(Double.parseDouble(f[0]) + w / 2, Double.parseDouble(f[1]) + h / 2, score));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + n + ": expected 'x y width height', got '" + t + "'");
            }
        }
        return picks;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static void atomic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The base name of a micrograph file: its name without the extension. */
    static String baseName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
