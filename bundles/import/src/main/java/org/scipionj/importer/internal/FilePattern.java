package org.scipionj.importer.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Scipion-style file selection: a base folder ({@code filesPath}) plus a glob relative to it
 * ({@code filesPattern}), e.g. {@code k2_frames/Images-Disc*}{@code /GridSquare_*}{@code /Data/FoilHole_*.mrc},
 * {@code *.mrcs} or {@code **}{@code /*.mrc}. The pattern may also be absolute, or repeat the base
 * path, in which case it is used as it is; an empty pattern means the base path is itself the
 * pattern. Globs follow {@link FileSystem#getPathMatcher(String) java.nio "glob:"} syntax, matched
 * one path segment at a time, so braces must not contain {@code /}. As in Python's recursive glob,
 * {@code **}{@code /} also matches zero folders.
 *
 * <p>{@link #scan()} walks only as deep as the pattern needs: without {@code **} it lists one folder
 * per glob segment and resolves literal segments directly, so folders that cannot match are never
 * opened; only the part from the first {@code **} segment on is walked recursively. Names are
 * matched before anything is stat'ed, so only matching entries cost a file-system call. Hidden
 * entries (name starting with {@code .}, e.g. rsync's temporary files) are skipped unless the
 * pattern segment itself starts with {@code .}. An optional blacklist regex excludes files whose
 * absolute path it {@linkplain java.util.regex.Matcher#find() finds}.
 *
 * <p>Immutable; {@link #scan()} keeps no state, so instances are thread-safe.
 */
public final class FilePattern {

    private static final String GLOB_CHARS = "*?[{";

    private final String pattern;
    private final Path root;
    private final List<String> segments;
    private final Pattern blacklist;

    /** A pattern without blacklist. */
    public FilePattern(Path filesPath, String filesPattern) {
        this(filesPath == null ? null : filesPath.toString(), filesPattern, null);
    }

    /**
     * @param filesPath base folder; may be null or empty when the pattern is absolute or relative to
     *        the working directory
     * @param filesPattern glob relative to {@code filesPath}, or absolute, or starting with
     *        {@code filesPath}; null or empty means {@code filesPath} is the whole pattern
     * @param blacklistRegex Java regex; files whose absolute path it finds are excluded; null or
     *        blank for none
     * @throws IllegalArgumentException if both paths are empty or the regex is invalid
     */
    public FilePattern(String filesPath, String filesPattern, String blacklistRegex) {
        String full = combine(filesPath == null ? "" : filesPath.trim(),
                filesPattern == null ? "" : filesPattern.trim());
        if (full.isEmpty()) {
            throw new IllegalArgumentException("no files to import: both the files path and the files pattern are"
                    + " empty; give a folder and a pattern such as '*.mrc'");
        }
        if (!full.startsWith("/")) {
            full = Path.of("").toAbsolutePath() + "/" + full;
        }
        List<String> parts = new ArrayList<>();
        for (String p : full.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        int firstGlob = 0;
        while (firstGlob < parts.size() && !hasGlob(parts.get(firstGlob))) {
            firstGlob++;
        }
        Path r = Path.of("/");
        for (String p : parts.subList(0, firstGlob)) {
            r = r.resolve(p);
        }
        this.root = r.normalize();
        this.segments = List.copyOf(parts.subList(firstGlob, parts.size()));
        this.pattern = segments.isEmpty() ? root.toString()
                : (root.toString().endsWith("/") ? root.toString() : root + "/") + String.join("/", segments);
        this.blacklist = compileBlacklist(blacklistRegex);
    }

    /** The absolute glob this instance matches, e.g. {@code /data/session/*.mrc}. */
    public String pattern() {
        return pattern;
    }

    /** The deepest folder of the pattern that holds no glob character; scanning starts here. */
    public Path root() {
        return root;
    }

    @Override
    public String toString() {
        return blacklist == null ? pattern : pattern + " (blacklist " + blacklist.pattern() + ")";
    }

    /**
     * The regular files (symbolic links followed) matching the pattern and not blacklisted, as
     * absolute paths sorted by path. A missing root folder gives an empty list (in streaming the
     * folder may appear later); folders that vanish or cannot be read during the scan are skipped.
     *
     * @throws IOException if the root folder exists but cannot be listed
     */
    public List<Path> scan() throws IOException {
        List<Path> out = new ArrayList<>();
        if (segments.isEmpty()) {
            if (Files.isRegularFile(root) && !blacklisted(root)) {
                out.add(root);
            }
            return out;
        }
        if (!Files.isDirectory(root)) {
            return out;
        }
        scanLevel(root, 0, out, true);
        Collections.sort(out);
        return out;
    }

    private void scanLevel(Path dir, int index, List<Path> out, boolean isRoot) throws IOException {
        String seg = segments.get(index);
        boolean last = index == segments.size() - 1;
        if (seg.contains("**")) {
            scanRecursive(dir, index, out);
            return;
        }
        if (!hasGlob(seg)) {
            Path next = dir.resolve(seg);
            if (last) {
                addIfRegular(next, out);
            } else if (Files.isDirectory(next)) {
                scanLevel(next, index + 1, out, false);
            }
            return;
        }
        PathMatcher matcher = fs().getPathMatcher("glob:" + seg);
        boolean allowHidden = seg.startsWith(".");
        List<Path> subdirs = last ? null : new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if ((!allowHidden && isHidden(name)) || !matcher.matches(name)) {
                    continue;
                }
                if (last) {
                    addIfRegular(entry, out);
                } else {
                    subdirs.add(entry);
                }
            }
        } catch (IOException e) {
            if (isRoot) {
                throw e;
            }
            return; // a sub-folder vanished or is unreadable: skip it
        }
        if (subdirs != null) {
            for (Path sub : subdirs) {
                if (Files.isDirectory(sub)) {
                    scanLevel(sub, index + 1, out, false);
                }
            }
        }
    }

    /** Walks {@code dir} without depth limit, matching the remaining segments against relative paths. */
    private void scanRecursive(Path dir, int index, List<Path> out) throws IOException {
        List<String> rest = segments.subList(index, segments.size());
        List<PathMatcher> matchers = new ArrayList<>();
        for (String variant : zeroFolderVariants(String.join("/", rest))) {
            matchers.add(fs().getPathMatcher("glob:" + variant));
        }
        boolean allowHidden = rest.get(rest.size() - 1).startsWith(".");
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        return !d.equals(dir) && isHidden(d.getFileName())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && (allowHidden || !isHidden(file.getFileName()))) {
                            Path rel = dir.relativize(file);
                            for (PathMatcher m : matchers) {
                                if (m.matches(rel)) {
                                    if (!blacklisted(file)) {
                                        out.add(file);
                                    }
                                    break;
                                }
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE; // vanished, unreadable or a link loop
                    }
                });
    }

    private void addIfRegular(Path file, List<Path> out) {
        if (Files.isRegularFile(file) && !blacklisted(file)) {
            out.add(file);
        }
    }

    private boolean blacklisted(Path file) {
        return blacklist != null && blacklist.matcher(file.toString()).find();
    }

    /**
     * The glob plus every variant with some {@code **}{@code /} (at a segment start) removed, so that
     * {@code **}{@code /} can match zero folders as in Python's recursive glob.
     */
    static Set<String> zeroFolderVariants(String glob) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(glob);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String v : List.copyOf(variants)) {
                int from = 0;
                int i;
                while ((i = v.indexOf("**/", from)) >= 0) {
                    if (i == 0 || v.charAt(i - 1) == '/') {
                        changed |= variants.add(v.substring(0, i) + v.substring(i + 3));
                    }
                    from = i + 1;
                }
            }
        }
        return variants;
    }

    private static String combine(String base, String pat) {
        while (base.length() > 1 && base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (pat.isEmpty()) {
            return base;
        }
        if (pat.startsWith("/") || base.isEmpty()) {
            return pat;
        }
        if (pat.equals(base) || pat.startsWith(base + "/")) {
            return pat; // the pattern already contains the base path
        }
        return base + "/" + pat;
    }

    private static Pattern compileBlacklist(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid blacklist regular expression '" + regex + "': "
                    + e.getDescription() + " near index " + e.getIndex()
                    + "; use a Java regex such as 'FoilHole_123_|_bad\\.mrc$'", e);
        }
    }

    private static boolean hasGlob(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (GLOB_CHARS.indexOf(segment.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path name) {
        return name != null && name.toString().startsWith(".");
    }

    private static FileSystem fs() {
        return FileSystems.getDefault();
    }
}
