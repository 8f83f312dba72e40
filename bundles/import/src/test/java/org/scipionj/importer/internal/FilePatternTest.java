package org.scipionj.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePatternTest {

    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1});
    }

    private List<String> rel(List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(dir.relativize(p).toString());
        }
        return out;
    }

    @Test
    void flatPatternSortedAndOnlyRegularFiles() throws Exception {
        touch("b.mrcs");
        touch("a.mrcs");
        touch("c.mrc");
        Files.createDirectories(dir.resolve("dir.mrcs"));
        touch("sub/d.mrcs");

        List<Path> found = new FilePattern(dir, "*.mrcs").scan();

        assertEquals(List.of("a.mrcs", "b.mrcs"), rel(found));
        assertTrue(found.get(0).isAbsolute());
    }

    @Test
    void epuStyleNestedPattern() throws Exception {
        touch("k2_frames/Images-Disc1/GridSquare_1/Data/FoilHole_1_a.mrc");
        touch("k2_frames/Images-Disc1/GridSquare_1/Data/FoilHole_2_a.mrc");
        touch("k2_frames/Images-Disc1/GridSquare_1/Data/Other_3.mrc");
        touch("k2_frames/Images-Disc1/GridSquare_1/FoilHoles/FoilHole_1.mrc");
        touch("k2_frames/Images-Disc2/GridSquare_7/Data/FoilHole_9_a.mrc");
        touch("k2_frames/Images-Disc2/GridSquare_7/Data/deeper/FoilHole_10.mrc");
        touch("k2_frames/Other/GridSquare_1/Data/FoilHole_5.mrc");

        List<Path> found = new FilePattern(dir, "k2_frames/Images-Disc*/GridSquare_*/Data/FoilHole_*.mrc").scan();

        assertEquals(List.of(
                "k2_frames/Images-Disc1/GridSquare_1/Data/FoilHole_1_a.mrc",
                "k2_frames/Images-Disc1/GridSquare_1/Data/FoilHole_2_a.mrc",
                "k2_frames/Images-Disc2/GridSquare_7/Data/FoilHole_9_a.mrc"), rel(found));
    }

    @Test
    void rootIsDeepestLiteralFolder() {
        FilePattern p = new FilePattern(dir, "k2_frames/Images-Disc*/Data/*.mrc");
        assertEquals(dir.resolve("k2_frames"), p.root());
        assertEquals(dir + "/k2_frames/Images-Disc*/Data/*.mrc", p.pattern());
    }

    @Test
    void recursiveMatchesAnyDepthIncludingZero() throws Exception {
        touch("top.mrc");
        touch("a/one.mrc");
        touch("a/b/c/deep.mrc");
        touch("a/b/c/deep.txt");
        touch("a/.hidden/secret.mrc");

        List<Path> found = new FilePattern(dir, "**/*.mrc").scan();

        assertEquals(List.of("a/b/c/deep.mrc", "a/one.mrc", "top.mrc"), rel(found));
    }

    @Test
    void recursiveInTheMiddle() throws Exception {
        touch("s1/x/Data/m1.mrc");
        touch("s1/Data/m0.mrc");
        touch("s1/x/y/Data/m2.mrc");
        touch("s1/x/y/NotData/m3.mrc");
        touch("s2/Data/m4.mrc");

        List<Path> found = new FilePattern(dir, "s1/**/Data/*.mrc").scan();

        assertEquals(List.of("s1/Data/m0.mrc", "s1/x/Data/m1.mrc", "s1/x/y/Data/m2.mrc"), rel(found));
    }

    @Test
    void zeroFolderVariants() {
        assertEquals(Set.of("**/*.mrc", "*.mrc"), FilePattern.zeroFolderVariants("**/*.mrc"));
        assertEquals(Set.of("a/**/b/**/c", "a/b/**/c", "a/**/b/c", "a/b/c"),
                FilePattern.zeroFolderVariants("a/**/b/**/c"));
        assertEquals(Set.of("x**/y"), FilePattern.zeroFolderVariants("x**/y"));
    }

    @Test
    void hiddenAndTemporaryFilesAreSkipped() throws Exception {
        touch("movie_1.mrc");
        touch(".movie_2.mrc.XyZ123"); // rsync temporary
        touch(".movie_3.mrc");
        touch(".hiddenDir/movie_4.mrc");

        assertEquals(List.of("movie_1.mrc"), rel(new FilePattern(dir, "*.mrc*").scan()));
        assertEquals(List.of(), rel(new FilePattern(dir, "*/*.mrc").scan()), "hidden folders are not entered");
        assertEquals(List.of(".hiddenDir/movie_4.mrc"), rel(new FilePattern(dir, ".hiddenDir/*.mrc").scan()));
        assertEquals(List.of(".movie_3.mrc"), rel(new FilePattern(dir, ".*.mrc").scan()));
    }

    @Test
    void blacklistRegexExcludesByAbsolutePath() throws Exception {
        touch("good_1.mrc");
        touch("bad_2.mrc");
        touch("sub/good_3.mrc");

        FilePattern p = new FilePattern(dir.toString(), "**/*.mrc", "bad_|/sub/");
        assertEquals(List.of("good_1.mrc"), rel(p.scan()));

        FilePattern anchored = new FilePattern(dir.toString(), "*.mrc", "^" + dir + "/good");
        assertEquals(List.of("bad_2.mrc"), rel(anchored.scan()));
    }

    @Test
    void invalidBlacklistRegex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FilePattern(dir.toString(), "*.mrc", "bad_(["));
        assertTrue(e.getMessage().contains("bad_(["), e.getMessage());
    }

    @Test
    void blankBlacklistMeansNone() throws Exception {
        touch("a.mrc");
        assertEquals(1, new FilePattern(dir.toString(), "*.mrc", "  ").scan().size());
    }

    @Test
    void absolutePatternIgnoresBase() throws Exception {
        touch("x/a.mrc");
        List<Path> found = new FilePattern(Path.of("/nonexistent"), dir + "/x/*.mrc").scan();
        assertEquals(List.of("x/a.mrc"), rel(found));
    }

    @Test
    void patternThatRepeatsTheBasePath() throws Exception {
        touch("x/a.mrc");
        Path base = dir.resolve("x");
        assertEquals(List.of("x/a.mrc"), rel(new FilePattern(base, base + "/*.mrc").scan()));
        assertEquals(List.of("x/a.mrc"), rel(new FilePattern(base.toString() + "/", "*.mrc", null).scan()));
    }

    @Test
    void relativeBaseRepeatedInRelativePattern() {
        FilePattern p = new FilePattern("movies/raw", "movies/raw/*.mrc", null);
        assertEquals(Path.of("").toAbsolutePath() + "/movies/raw/*.mrc", p.pattern());
    }

    @Test
    void basePathItselfIsThePatternWhenPatternEmpty() throws Exception {
        touch("a.mrc");
        touch("b.mrc");
        assertEquals(List.of("a.mrc", "b.mrc"), rel(new FilePattern(dir.toString() + "/*.mrc", "", null).scan()));
        assertEquals(List.of("a.mrc"), rel(new FilePattern(dir.resolve("a.mrc").toString(), null, null).scan()));
    }

    @Test
    void bothEmptyIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new FilePattern("", " ", null));
    }

    @Test
    void missingRootGivesEmptyList() throws Exception {
        assertEquals(List.of(), new FilePattern(dir.resolve("not-yet"), "*.mrc").scan());
        assertEquals(List.of(), new FilePattern(dir.resolve("not-yet"), "**/*.mrc").scan());
    }

    @Test
    void literalSegmentsAreResolvedDirectly() throws Exception {
        touch("a/Data/m.mrc");
        touch("b/Data/m.mrc");
        touch("b/Other/m.mrc");
        assertEquals(List.of("a/Data/m.mrc", "b/Data/m.mrc"), rel(new FilePattern(dir, "*/Data/m.mrc").scan()));
    }

    @Test
    void questionMarkBracketsAndBraces() throws Exception {
        touch("m1.mrc");
        touch("m2.mrcs");
        touch("m3.tif");
        touch("m10.mrc");
        assertEquals(List.of("m1.mrc"), rel(new FilePattern(dir, "m?.mrc").scan()));
        assertEquals(List.of("m1.mrc", "m2.mrcs"), rel(new FilePattern(dir, "m[12].*").scan()));
        assertEquals(List.of("m10.mrc", "m1.mrc", "m2.mrcs").stream().sorted().toList(),
                rel(new FilePattern(dir, "*.{mrc,mrcs}").scan()));
    }

    @Test
    void followsSymbolicLinksToFiles() throws Exception {
        Path target = touch("store/real.mrc");
        Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/linked.mrc"), target);
        Files.createSymbolicLink(dir.resolve("links/broken.mrc"), dir.resolve("store/missing.mrc"));
        assertEquals(List.of("links/linked.mrc"), rel(new FilePattern(dir, "links/*.mrc").scan()));
    }

    @Test
    void twentyThousandFilesInOneFolder() throws Exception {
        Path big = Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i < 20_000; i++) {
            Files.createFile(big.resolve(String.format("FoilHole_%05d_fractions.mrc", i)));
        }
        for (int i = 0; i < 500; i++) {
            Files.createFile(big.resolve("gain_" + i + ".dm4"));
        }
        List<Path> found = new FilePattern(dir, "big/FoilHole_*.mrc").scan();
        assertEquals(20_000, found.size());
        assertEquals(big.resolve("FoilHole_00000_fractions.mrc"), found.get(0));
        assertEquals(big.resolve("FoilHole_19999_fractions.mrc"), found.get(19_999));

        // FoilHole_10000 .. FoilHole_19999 blacklisted
        assertEquals(10_000, new FilePattern(dir.toString(), "**/*.mrc", "_1\\d{4}_").scan().size());
    }
}
