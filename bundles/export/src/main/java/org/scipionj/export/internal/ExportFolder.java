package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.scipionj.api.project.ScipionException;

/**
 * The export folder, which a RELION project can be started in: STAR files name every data file relative to it, as
 * RELION names files relative to its project folder. A data file outside the folder is reached through a symbolic
 * link in a subfolder ({@code Movies/}, {@code Micrographs/}, ...) named like the file; with {@code absolute} the
 * STAR files give absolute paths instead and nothing is linked. Exporting again into the same folder reuses the links
 * to the same files; another file of the same name gets a numbered name ({@code 2_NAME}), so no earlier STAR file
 * changes meaning; a regular file where a link should go is never overwritten. Not thread-safe.
 */
final class ExportFolder {

    private final Path root;
    private final boolean absolute;
    /** Link path (relative to the root) → the file it points to. */
    private final Map<Path, Path> links = new HashMap<>();
    private int linked;

    ExportFolder(Path root, boolean absolute) {
        this.root = root.toAbsolutePath().normalize();
        this.absolute = absolute;
    }

    Path root() {
        return root;
    }

    /** How many links this export made. */
    int linked() {
        return linked;
    }

    /** A path inside the export folder (for the files the export writes), its parent folders created. */
    Path file(String relative) {
        Path p = root.resolve(relative).normalize();
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new ScipionException("cannot create " + p.getParent() + ": " + e.getMessage()
                    + "; choose a writable --out folder");
        }
        return p;
    }

    /** How a STAR file names {@code written}, a file the export wrote inside the folder. */
    String name(Path written) {
        return absolute ? written.toString() : root.relativize(written.toAbsolutePath().normalize()).toString();
    }

    /**
     * How a STAR file names a data file of the project: a link in {@code subfolder} (relative path), or the absolute
     * path with {@code absolute}.
     */
    String data(String file, String subfolder) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        if (absolute) {
            return target.toString();
        }
        if (target.startsWith(root)) {
            return root.relativize(target).toString();
        }
        Path link = Path.of(subfolder, target.getFileName().toString());
        for (int n = 2; pointsElsewhere(link, target); n++) {
            link = Path.of(subfolder, n + "_" + target.getFileName()); // NB: two files with one name
        }
        if (links.putIfAbsent(link, target) == null) {
            makeLink(root.resolve(link), target);
        }
        return link.toString();
    }

    /** Whether {@code link} is taken by another file, in this export or (as a link) by an earlier one. */
    private boolean pointsElsewhere(Path link, Path target) {
        Path known = links.get(link);
        if (known != null) {
            return !known.equals(target);
        }
        Path onDisk = root.resolve(link);
        try {
            return Files.isSymbolicLink(onDisk) && !Files.readSymbolicLink(onDisk).equals(target);
        } catch (IOException e) {
            return true;
        }
    }

    private void makeLink(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            if (Files.isSymbolicLink(link)) {
                Files.delete(link); // NB: to the same target (pointsElsewhere): made again, as fresh as the STAR
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new ScipionException(link + " exists and is not a link this export made; export into an "
                        + "empty --out folder, or use --absolute");
            }
            Files.createSymbolicLink(link, target);
            linked++;
        } catch (FileAlreadyExistsException e) {
            throw new ScipionException(link + " exists; export into an empty --out folder");
        } catch (IOException | UnsupportedOperationException e) {
            throw new ScipionException("cannot link " + link + " to " + target + ": " + e.getMessage()
                    + "; use --absolute to name the files by their absolute paths instead");
        }
    }
}
