package org.scipionj.importer.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;

/** The parameters every Scipion file import shares (Scipion's ProtImportFiles and ProtImportImages), and their checks. */
final class ImportParams {

    private ImportParams() {
    }

    /** Files, acquisition, streaming and blacklist parameters, under Scipion's names. */
    static List<Param> common(String what) {
        return List.of(
                Param.choice("importFrom", 0, "files").label("Import from")
                        .help("Only files are supported (Scipion's other sources are not)."),
                Param.folder("filesPath").label("Files directory")
                        .help("Folder the microscope writes to (may be empty when the pattern is a full path)."),
                Param.string("filesPattern", "").label("Pattern")
                        .help("Glob relative to the files directory, e.g. 'GridSquare_*/Data/*.mrc'; '**' matches "
                                + "any depth."),
                Param.bool("copyFiles", false).label("Copy files?")
                        .help("Copy each " + what + " into the project instead of referencing it where it is."),
                Param.decimal("voltage", 300.0).range(1, 3000).label("Voltage (kV)"),
                Param.decimal("sphericalAberration", 2.7).range(0, 100).label("Spherical aberration (mm)"),
                Param.decimal("amplitudeContrast", 0.1).range(0, 1).label("Amplitude contrast"),
                Param.decimal("magnification", 50000.0).min(1).label("Magnification rate"),
                Param.choice("samplingRateMode", 0, "From image", "From scanner").label("Sampling rate mode"),
                Param.decimal("samplingRate", (Double) null).min(0).label("Pixel size (Å/px)")
                        .help("Empty: taken from each file's header."),
                Param.decimal("scannedPixelSize", 7.0).min(0).label("Scanned pixel size (µm)"),
                Param.bool("dataStreaming", false).label("Process data in streaming?"),
                Param.duration("timeout", 43200).label("Timeout")
                        .help("Close the output when no new file has appeared for this long (90, 30m, 12h…)."),
                Param.duration("fileTimeout", 30).label("File timeout")
                        .help("A file is imported only once its size and date have not changed for this long, so "
                                + "files still being written are never imported half-done."),
                Param.path("blacklistFile").label("Blacklist file")
                        .help("A text file with one file name or regular expression per line to skip."),
                Param.bool("useRegexps", true).label("Blacklist lines are regular expressions?"),
                Param.string("blacklistRegex", null).label("Blacklist regular expression")
                        .help("Files whose path this Java regular expression finds are skipped (Scipion-J)."),
                Param.string("blacklistDateFrom", null).label("Skip files modified from (yyyy-MM-dd HH:mm:ss)"),
                Param.string("blacklistDateTo", null).label("Skip files modified until (yyyy-MM-dd HH:mm:ss)"),
                Param.ignored("haveDataBeenPhaseFlipped", "imported images are never phase flipped"),
                Param.ignored("acquisitionWizard", "a GUI wizard in Scipion"),
                Param.ignored("streamingSocket", "socket streaming is not supported; files are watched instead"),
                Param.ignored("socketPort", "socket streaming is not supported; files are watched instead"),
                Param.ignored("blacklistSet", "blacklisting by a previous set is not supported; use blacklistFile"));
    }

    /** Checks beyond types and ranges; each problem names the parameter. */
    static List<String> validate(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (!p.has("filesPath") && (p.string("filesPattern") == null || p.string("filesPattern").isBlank())) {
            problems.add("filesPath and filesPattern are both empty: give the folder the microscope writes to");
        }
        if (p.choice("importFrom") != 0) {
            problems.add("importFrom: only 0 (files) is supported");
        }
        if (p.choice("samplingRateMode") == 1 && p.decimal("scannedPixelSize") <= 0) {
            problems.add("scannedPixelSize must be positive when samplingRateMode is 1 (from scanner)");
        }
        if (p.has("blacklistRegex")) {
            try {
                Pattern.compile(p.string("blacklistRegex"));
            } catch (PatternSyntaxException e) {
                problems.add("blacklistRegex is not a valid regular expression: " + e.getDescription());
            }
        }
        for (String date : List.of("blacklistDateFrom", "blacklistDateTo")) {
            if (p.has(date) && !p.string(date).isBlank() && BlacklistRules.parseDate(p.string(date)) == null) {
                problems.add(date + " '" + p.string(date) + "' is not a date like 2024-05-31 18:00:00");
            }
        }
        if (p.duration("fileTimeout").isNegative() || p.duration("timeout").isZero()) {
            problems.add("timeout must be positive and fileTimeout not negative");
        }
        return problems;
    }

    /** Fails when a reference file parameter names a file that does not exist. */
    static void requireFiles(Parameters p, String... names) {
        for (String ref : names) {
            Path file = p.path(ref);
            if (file != null && !Files.isRegularFile(file)) {
                throw new IllegalArgumentException(ref + " " + file + " does not exist; fix the path or leave it empty");
            }
        }
    }
}
