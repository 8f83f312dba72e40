package org.scipionj.ctffind.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CTFFIND 4.1's text outputs, so tools that parse CTFFIND read ours: the one-line results file ({@code _ctf.txt}:
 * a 5-line {@code #} header, then {@code micrograph number, defocus 1, defocus 2, azimuth, phase shift (rad), cross
 * correlation, fit resolution}) and the 1D profiles file ({@code _avrot.txt}: the same header style, then 6 lines of
 * frequency, rotational average, equiphase average, CTF fit, correlation, 2σ). Also reads results files back (the
 * external mode). Files are written atomically. Stateless.
 */
final class CtffindText {

    /** One results line. */
    record Results(double defocusU_A, double defocusV_A, double angle_deg, double phaseShift_rad,
                   double crossCorrelation, double resolution_A) {
    }

    /** What the header says about a run. */
    record Header(String inputFile, double pixel_A, Microscope optics, SearchSettings settings, String version) {
    }

    static final String VERSION = "4.1.14 (Scipion-J native)";

    private CtffindText() {
    }

    static void writeResults(Path file, Header h, Results r) throws IOException {
        List<String> lines = header(h, false);
        lines.add("# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; #4 - azimuth of "
                + "astigmatism; #5 - additional phase shift [radians]; #6 - cross correlation; #7 - spacing (in "
                + "Angstroms) up to which CTF rings were fit successfully");
        lines.add(String.format(Locale.ROOT, "%f %f %f %f %f %f %f", 1.0, r.defocusU_A(), r.defocusV_A(),
                r.angle_deg(), r.phaseShift_rad(), r.crossCorrelation(), r.resolution_A()));
        write(file, lines);
    }

    static void writeAvrot(Path file, Header h, FitDiagnostics d, double[] ctfAmplitude) throws IOException {
        List<String> lines = header(h, true);
        lines.add("# 6 lines per micrograph: #1 - spatial frequency (1/Angstroms); #2 - 1D rotational average of "
                + "spectrum (assuming no astigmatism); #3 - 1D rotational average of spectrum; #4 - CTF fit; #5 - "
                + "cross-correlation between spectrum and CTF fit; #6 - 2sigma of expected cross correlation of noise");
        for (double[] row : new double[][] {d.frequency(), d.rotationalAverage(), d.equiphaseAverage(), ctfAmplitude,
                d.crossCorrelation(), d.twoSigma()}) {
            StringBuilder b = new StringBuilder(row.length * 10);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(String.format(Locale.ROOT, "%f", row[i]));
            }
            lines.add(b.toString());
        }
        write(file, lines);
    }

    /**
     * The results line of a CTFFIND results file: the last line that is not a comment.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    static Results readResults(Path file) throws IOException {
        String last = null;
        int number = 0;
        int lastNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (!line.isBlank() && !line.startsWith("#")) {
                last = line.trim();
                lastNumber = number;
            }
        }
        if (last == null) {
            throw new IOException("CTFFIND results file " + file + " has no results line");
        }
        String[] f = last.split("\\s+");
        if (f.length < 7) {
            throw new IOException("CTFFIND results file " + file + ", line " + lastNumber + ": expected 7 columns, "
                    + "found " + f.length + " ('" + last + "')");
        }
        try {
            return new Results(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        } catch (NumberFormatException e) {
            throw new IOException("CTFFIND results file " + file + ", line " + lastNumber + ": not numbers: '" + last
                    + "'");
        }
    }

    /**
     * The 6 profile lines of a CTFFIND {@code _avrot.txt} file.
     *
     * @throws IOException naming the file when it does not hold 6 lines of equal length
     */
    static double[][] readAvrot(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            double[] row = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                try {
                    row[i] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    throw new IOException("CTFFIND profile file " + file + ", data line " + (rows.size() + 1)
                            + ": '" + f[i] + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (rows.size() < 6 || rows.stream().limit(6).anyMatch(r -> r.length != rows.get(0).length)) {
            throw new IOException("CTFFIND profile file " + file + " should hold 6 lines of equal length, found "
                    + rows.size() + " lines");
        }
        return rows.subList(0, 6).toArray(new double[0][]);
    }

    private static List<String> header(Header h, boolean avrot) {
        Microscope o = h.optics();
        SearchSettings s = h.settings();
        List<String> lines = new ArrayList<>();
        lines.add("# Output from CTFFind version " + h.version() + ", run on "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)));
        lines.add("# Input file: " + h.inputFile() + " ; Number of micrographs: 1");
        lines.add(String.format(Locale.ROOT, "# Pixel size: %.3f Angstroms ; acceleration voltage: %.1f keV ; "
                + "spherical aberration: %.2f mm ; amplitude contrast: %.2f", h.pixel_A(), o.voltage_kV(), o.cs_mm(),
                o.amplitudeContrast()));
        // NB: "um" after the defocus limits (which are in Å) is CTFFIND's own label, kept for parsers
        lines.add(String.format(Locale.ROOT, "# Box size: %d pixels ; min. res.: %.1f Angstroms ; max. res.: %.1f "
                + "Angstroms ; min. def.: %.1f um; max. def. %.1f um%s", s.box(), s.lowRes_A(), s.highRes_A(),
                s.minDefocus_A(), s.maxDefocus_A(), avrot ? "; num. frames averaged: 1" : ""));
        return lines;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
