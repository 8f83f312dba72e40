package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.project.ScipionException;

/** How exported STAR files name data files: links in the export folder, one name per file, never a user's file. */
class ExportFolderTest {

    @TempDir
    Path tmp;

    @Test
    void oneLinkPerFileAndNumberedNamesForNamesakes() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("x.mrc"), "a");
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("x.mrc"), "b");
        Path out = tmp.resolve("out");
        ExportFolder first = new ExportFolder(out, false);
        assertEquals("Micrographs/x.mrc", first.data(a.toString(), "Micrographs"));
        assertEquals("Micrographs/x.mrc", first.data(a.toString(), "Micrographs"), "the same file, the same link");
        assertEquals("Micrographs/2_x.mrc", first.data(b.toString(), "Micrographs"));
        assertEquals("a", Files.readString(out.resolve("Micrographs/x.mrc")));
        assertEquals("b", Files.readString(out.resolve("Micrographs/2_x.mrc")));
        assertEquals(2, first.linked());

        ExportFolder later = new ExportFolder(out, false);
        assertEquals("Micrographs/2_x.mrc", later.data(b.toString(), "Micrographs"), "an earlier link is kept");
        assertEquals("Micrographs/x.mrc", later.data(a.toString(), "Micrographs"));
        assertEquals("a", Files.readString(out.resolve("Micrographs/x.mrc")), "never pointed elsewhere");

        Path inside = Files.writeString(out.resolve("mine.star"), "");
        assertEquals("mine.star", later.data(inside.toString(), "Other"), "files in the folder are not linked");
        assertEquals(a.toString(), new ExportFolder(out, true).data(a.toString(), "Micrographs"));
    }

    @Test
    void aUsersFileIsNeverReplaced() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("x.mrc"), "a");
        Path taken = Files.writeString(Files.createDirectories(tmp.resolve("out/Movies")).resolve("x.mrc"), "mine");
        String message = assertThrows(ScipionException.class,
                () -> new ExportFolder(tmp.resolve("out"), false).data(a.toString(), "Movies")).getMessage();
        assertTrue(message.contains("exists and is not a link this export made"), message);
        assertEquals("mine", Files.readString(taken));
    }
}
