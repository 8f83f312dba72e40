package org.scipionj.image.star;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarFileTest {

    static final Path REAL = Path.of("../../../shared/anchors/realdata");

    @Test
    void readsEveryRealStarFileAndRoundTripsIt() throws Exception {
        assertTrue(Files.isDirectory(REAL), "anchors missing: " + REAL.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(REAL)) {
            files = walk.filter(p -> p.toString().endsWith(".star")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "found " + files.size());
        for (Path f : files) {
            StarFile star = StarFile.read(f);
            StarFile again = StarFile.parse(star.toText(), "rewritten " + f);
            assertEquals(star.blocks().size(), again.blocks().size(), f.toString());
            for (int b = 0; b < star.blocks().size(); b++) {
                StarBlock x = star.blocks().get(b);
                StarBlock y = again.blocks().get(b);
                assertEquals(x.name(), y.name(), f.toString());
                assertEquals(x.columns(), y.columns(), f.toString());
                assertEquals(x.rows(), y.rows(), f.toString());
                assertEquals(x.pairs(), y.pairs(), f.toString());
            }
        }
    }

    @Test
    void realRelionCtfTableValues() throws Exception {
        StarFile star = StarFile.read(REAL.resolve("em_testdata_relion4_betagal/micrographs_ctf.star"));
        StarBlock optics = star.block("optics").orElseThrow();
        assertEquals("0.885000", optics.value(0, "rlnMicrographOriginalPixelSize"));
        StarBlock mics = star.block("micrographs").orElseThrow();
        assertEquals(24, mics.rows().size());
        assertEquals("10865.006836", mics.value(0, "rlnDefocusU"));
        assertEquals("CtfFind/job003/Movies/20170629_00021_frameImage_PS.ctf:mrc", mics.value(0, "rlnCtfImage"));
        StarBlock general = StarFile.read(REAL.resolve("em_testdata_relion4_betagal/movie_frameImage.star"))
                .block("general").orElseThrow();
        assertTrue(general.pairs().containsKey("rlnImageSizeX"), general.pairs().toString());
    }

    @Test
    void writesQuotedValuesAndPairs(@TempDir Path tmp) throws Exception {
        StarFile star = new StarFile(List.of(
                StarBlock.pairs("general", Map.of("rlnImageSizeX", "4096")),
                StarBlock.table("micrographs", List.of("rlnMicrographName", "rlnComment"))
                        .addRow("a b.mrc", "").addRow("c.mrc", "x").build()));
        Path f = tmp.resolve("t.star");
        star.write(f);
        String text = Files.readString(f);
        assertTrue(text.contains("# version 30001"), text);
        assertTrue(text.contains("\"a b.mrc\""), text);
        StarFile back = StarFile.read(f);
        assertEquals("a b.mrc", back.block("micrographs").orElseThrow().value(0, "rlnMicrographName"));
        assertEquals("", back.block("micrographs").orElseThrow().value(0, "rlnComment"));
        assertEquals("4096", back.block("general").orElseThrow().pairs().get("rlnImageSizeX"));
    }

    @Test
    void badFilesSayWhereAndWhat() {
        IOException e = assertThrows(IOException.class, () -> StarFile.parse("hello\n", "x.star"));
        assertTrue(e.getMessage().contains("x.star, line 1"), e.getMessage());
        e = assertThrows(IOException.class, () -> StarFile.parse("data_a\nloop_\n_rlnA #1\n_rlnB #2\n1 2 3\n", "y.star"));
        assertTrue(e.getMessage().contains("y.star, line 5: 3 values for 2 columns"), e.getMessage());
    }
}
