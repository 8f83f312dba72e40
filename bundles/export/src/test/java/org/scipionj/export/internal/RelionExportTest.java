package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.item.Particle;
import org.scipionj.api.project.Project;
import org.scipionj.core.internal.DefaultProjectService;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * Exports every run of a real project (simulated movies through the engine and the real plugins) and checks each
 * STAR file twice: its structure against real RELION files of its kind (same blocks, our labels among theirs), and
 * its values against the project's items after reading it back (with our reader and with gemmi's).
 */
class RelionExportTest {

    @TempDir
    static Path tmp;
    static DefaultProjectService projects;
    static Project project;

    @BeforeAll
    static void process() throws Exception {
        projects = SimulatedProject.service(tmp);
        project = SimulatedProject.create(projects, tmp);
    }

    @AfterAll
    static void close() {
        if (project != null) {
            project.close();
        }
    }

    private static Written export(long run, String folder, String output) throws Exception {
        return Exporter.export(project, run, Exporter.Format.STAR, tmp.resolve(folder), output, false);
    }

    private static <T> List<T> items(String set, Class<T> type) {
        return SetItems.entries(project.set(set).orElseThrow()).stream().map(e -> type.cast(e.item())).toList();
    }

    private static Path resolve(Written w, String name) {
        return w.main().getParent().resolve(name);
    }

    private static double number(StarBlock b, int row, String column) {
        return Double.parseDouble(b.value(row, column));
    }

    @Test
    void moviesStar() throws Exception {
        Written w = export(2, "movies", null);
        assertEquals(MovieTable.FILE, w.main().getFileName().toString());
        RelionFiles.assertSameStructure(w.main(), RelionFiles.MOVIES);
        Gemmi.assertReadsLikeUs(w.main());
        StarFile star = StarFile.read(w.main());
        StarBlock optics = star.block("optics").orElseThrow();
        assertEquals(1, optics.rows().size(), "one acquisition, one optics group");
        assertEquals(300.0, number(optics, 0, "rlnVoltage"));
        assertEquals(2.7, number(optics, 0, "rlnSphericalAberration"));
        assertEquals(0.07, number(optics, 0, "rlnAmplitudeContrast"));
        assertEquals(2.0, number(optics, 0, "rlnMicrographOriginalPixelSize"));
        StarBlock movies = star.block("movies").orElseThrow();
        List<Movie> items = items("2.outputMovies", Movie.class);
        assertEquals(items.size(), movies.rows().size());
        for (int i = 0; i < items.size(); i++) {
            String name = movies.value(i, "rlnMicrographMovieName");
            assertFalse(Path.of(name).isAbsolute(), name);
            assertEquals(Path.of(items.get(i).file()).toRealPath(), resolve(w, name).toRealPath(), "the link");
            assertEquals("1", movies.value(i, "rlnOpticsGroup"));
        }
    }

    @Test
    void correctedMicrographsWithMotionMetadata() throws Exception {
        Written w = export(3, "motion", null);
        assertEquals(MicrographTable.CORRECTED, w.main().getFileName().toString());
        RelionFiles.assertSameStructure(w.main(), RelionFiles.CORRECTED);
        Gemmi.assertReadsLikeUs(w.main());
        StarFile star = StarFile.read(w.main());
        assertEquals(1.0, number(star.block("optics").orElseThrow(), 0, "rlnMicrographPixelSize") / 2.0);
        StarBlock mics = star.block("micrographs").orElseThrow();
        List<Micrograph> items = items("3.outputMicrographsDoseWeighted", Micrograph.class);
        Map<Long, Movie> movies = new HashMap<>();
        items("3.outputMovies", Movie.class).forEach(m -> movies.put(m.id(), m));
        assertEquals(items.size(), mics.rows().size());
        for (int i = 0; i < items.size(); i++) {
            Micrograph m = items.get(i);
            assertTrue(m.file().endsWith("_DW.mrc"), "the dose-weighted micrographs by default: " + m.file());
            assertEquals(Path.of(m.file()).toRealPath(), resolve(w, mics.value(i, "rlnMicrographName")).toRealPath());
            assertEquals((Double) m.attributes().get("driftTotal_A"), number(mics, i, "rlnAccumMotionTotal"), 1e-6);
            assertEquals((Double) m.attributes().get("driftEarly_A"), number(mics, i, "rlnAccumMotionEarly"), 1e-6);
            assertEquals((Double) m.attributes().get("driftLate_A"), number(mics, i, "rlnAccumMotionLate"), 1e-6);
            Path metadata = resolve(w, mics.value(i, "rlnMicrographMetadata"));
            RelionFiles.assertStructure(metadata, RelionFiles.MOTION, true);
            Gemmi.assertReadsLikeUs(metadata);
            StarFile motion = StarFile.read(metadata);
            Movie movie = movies.get(m.id());
            Map<String, String> general = motion.block("general").orElseThrow().pairs();
            assertEquals(String.valueOf(movie.frames()), general.get("rlnImageSizeZ"));
            assertEquals(Path.of(movie.file()).toRealPath(), resolve(w, general.get("rlnMicrographMovieName"))
                    .toRealPath());
            StarBlock shifts = motion.block("global_shift").orElseThrow();
            @SuppressWarnings("unchecked")
            List<Number> x = (List<Number>) movie.attributes().get("shiftsX_px");
            @SuppressWarnings("unchecked")
            List<Number> y = (List<Number>) movie.attributes().get("shiftsY_px");
            assertEquals(x.size(), shifts.rows().size());
            for (int f = 0; f < x.size(); f++) {
                assertEquals(f + 1, Integer.parseInt(shifts.value(f, "rlnMicrographFrameNumber")));
                assertEquals(x.get(f).doubleValue(), number(shifts, f, "rlnMicrographShiftX"), 1e-6);
                assertEquals(y.get(f).doubleValue(), number(shifts, f, "rlnMicrographShiftY"), 1e-6);
            }
        }
        Written plain = export(3, "plain", "outputMicrographs");
        StarBlock plainMics = StarFile.read(plain.main()).block("micrographs").orElseThrow();
        assertFalse(plainMics.value(0, "rlnMicrographName").endsWith("_DW.mrc"), "output= picks the plain ones");
    }

    @Test
    void importedMicrographsHaveNoMotionColumns() throws Exception {
        Path mics = project.dir().resolve("Runs/000003_ProtMotionCorr/extra");
        String workflow = """
                [{"object.className": "ProtImportMicrographs", "object.id": "2", "filesPath": "%s",
                  "filesPattern": "*_DW.mrc", "dataStreaming": false, "samplingRate": 2.0, "voltage": 200}]
                """.formatted(mics);
        try (Project imported = projects.create("imported", workflow, "test")) {
            imported.schedule();
            assertTrue(imported.start().awaitEnd(java.time.Duration.ofMinutes(1)));
            Written w = Exporter.export(imported, 2, Exporter.Format.STAR, tmp.resolve("imported"), null, false);
            assertEquals(MicrographTable.PLAIN, w.main().getFileName().toString());
            RelionFiles.assertSameStructure(w.main(), RelionFiles.CORRECTED);
            Gemmi.assertReadsLikeUs(w.main());
            StarFile star = StarFile.read(w.main());
            assertEquals(List.of("rlnMicrographName", "rlnOpticsGroup"), star.block("micrographs").orElseThrow()
                    .columns());
            assertEquals(2, star.block("micrographs").orElseThrow().rows().size());
            StarBlock optics = star.block("optics").orElseThrow();
            assertEquals(200.0, number(optics, 0, "rlnVoltage"));
            assertEquals(2.0, number(optics, 0, "rlnMicrographOriginalPixelSize"), "no movie: its own pixel size");
        }
    }

    @Test
    void micrographsCtf() throws Exception {
        Written w = export(4, "ctf", null);
        assertEquals(CtfTable.FILE, w.main().getFileName().toString());
        RelionFiles.assertSameStructure(w.main(), RelionFiles.CTF);
        Gemmi.assertReadsLikeUs(w.main());
        StarBlock table = StarFile.read(w.main()).block("micrographs").orElseThrow();
        List<CtfModel> items = items("4.outputCTF", CtfModel.class);
        assertEquals(items.size(), table.rows().size());
        for (int i = 0; i < items.size(); i++) {
            CtfModel c = items.get(i);
            assertEquals(Path.of(c.micrographFile()).toRealPath(), resolve(w, table.value(i, "rlnMicrographName"))
                    .toRealPath());
            assertEquals(c.defocusU_A(), number(table, i, "rlnDefocusU"), 1e-6);
            assertEquals(c.defocusV_A(), number(table, i, "rlnDefocusV"), 1e-6);
            assertEquals(c.astigmatism_A(), number(table, i, "rlnCtfAstigmatism"), 1e-6);
            assertEquals(c.defocusAngle_deg(), number(table, i, "rlnDefocusAngle"), 1e-6);
            assertEquals(c.fitQuality(), number(table, i, "rlnCtfFigureOfMerit"), 1e-6);
            assertEquals(c.resolution_A(), number(table, i, "rlnCtfMaxResolution"), 1e-6);
            Path image = resolve(w, table.value(i, "rlnCtfImage"));
            assertEquals(Path.of(c.psdFile()).toRealPath(), image.toRealPath());
            assertEquals(1, MrcFiles.readAll(image).size(), "the CTF image reads as an MRC");
        }
    }

    @Test
    void coordinateFilesAndIndex() throws Exception {
        Written w = export(5, "picks", null);
        assertEquals(CoordinateTables.INDEX, w.main().getFileName().toString());
        RelionFiles.assertSameStructure(w.main(), RelionFiles.COORDINATE_INDEX);
        Gemmi.assertReadsLikeUs(w.main());
        StarBlock index = StarFile.read(w.main()).block("coordinate_files").orElseThrow();
        List<Coordinate> items = items("5.outputCoordinates", Coordinate.class);
        Map<Long, Micrograph> mics = new HashMap<>();
        items("3.outputMicrographsDoseWeighted", Micrograph.class).forEach(m -> mics.put(m.id(), m));
        int seen = 0;
        for (int i = 0; i < index.rows().size(); i++) {
            Path file = resolve(w, index.value(i, "rlnMicrographCoordinates"));
            RelionFiles.assertSameStructure(file, RelionFiles.COORDINATES);
            Gemmi.assertReadsLikeUs(file);
            StarBlock picks = StarFile.read(file).blocks().get(0);
            Path mic = resolve(w, index.value(i, "rlnMicrographName")).toRealPath();
            List<Coordinate> on = items.stream().filter(c -> mic.equals(real(mics.get(c.micrographId()).file())))
                    .toList();
            assertEquals(on.size(), picks.rows().size(), "picks on " + mic);
            for (int r = 0; r < on.size(); r++) {
                assertEquals(on.get(r).x_px(), number(picks, r, "rlnCoordinateX"), 1e-6);
                assertEquals(on.get(r).y_px(), number(picks, r, "rlnCoordinateY"), 1e-6);
                assertEquals(on.get(r).score(), number(picks, r, "rlnAutopickFigureOfMerit"), 1e-6);
            }
            seen += on.size();
        }
        assertTrue(seen > 0, "the simulated micrographs have picks");
        assertEquals(items.size(), seen, "every coordinate is in one file");
    }

    @Test
    void particlesStar() throws Exception {
        Written w = export(6, "particles", null);
        assertEquals(ParticleTable.FILE, w.main().getFileName().toString());
        RelionFiles.assertSameStructure(w.main(), RelionFiles.PARTICLES);
        Gemmi.assertReadsLikeUs(w.main());
        StarFile star = StarFile.read(w.main());
        StarBlock optics = star.block("optics").orElseThrow();
        assertEquals("64", optics.value(0, "rlnImageSize"));
        assertEquals("2", optics.value(0, "rlnImageDimensionality"));
        assertEquals(2.0, number(optics, 0, "rlnImagePixelSize"));
        StarBlock table = star.block("particles").orElseThrow();
        List<Particle> items = items("6.outputParticles", Particle.class);
        assertTrue(!items.isEmpty());
        assertEquals(items.size(), table.rows().size());
        for (int i = 0; i < items.size(); i++) {
            Particle p = items.get(i);
            String[] image = table.value(i, "rlnImageName").split("@");
            assertEquals(p.stackIndex(), Integer.parseInt(image[0]));
            assertEquals(Path.of(p.stackFile()).toRealPath(), resolve(w, image[1]).toRealPath());
            assertEquals(p.x_px(), number(table, i, "rlnCoordinateX"), 1e-6);
            assertEquals(p.y_px(), number(table, i, "rlnCoordinateY"), 1e-6);
            assertEquals(p.ctf().defocusU_A(), number(table, i, "rlnDefocusU"), 1e-6);
            assertEquals(p.ctf().defocusAngle_deg(), number(table, i, "rlnDefocusAngle"), 1e-6);
        }
        Path stack = resolve(w, table.value(0, "rlnImageName").split("@")[1]);
        assertEquals(64, MrcFiles.readAll(stack).get(0).width(), "the linked stack reads");
    }

    @Test
    void phaseFlippedParticlesSaySo() throws Exception {
        long copy = project.copyRun(6, Map.of("doFlip", true));
        org.scipionj.api.project.Session s = project.start();
        assertTrue(s.awaitEnd(java.time.Duration.ofMinutes(2)), "the copy ran");
        assertEquals(org.scipionj.api.project.RunStatus.FINISHED, project.run(copy).orElseThrow().status());
        StarFile star = StarFile.read(export(copy, "flipped", null).main());
        assertEquals("1", star.block("optics").orElseThrow().value(0, "rlnCtfDataArePhaseFlipped"));
        StarFile plain = StarFile.read(export(6, "unflipped", null).main());
        assertEquals(-1, plain.block("optics").orElseThrow().column("rlnCtfDataArePhaseFlipped"));
    }

    @Test
    void absolutePathsLinkNothing() throws Exception {
        Written w = Exporter.export(project, 4, Exporter.Format.STAR, tmp.resolve("abs"), null, true);
        StarBlock table = StarFile.read(w.main()).block("micrographs").orElseThrow();
        assertTrue(Path.of(table.value(0, "rlnMicrographName")).isAbsolute());
        assertTrue(Files.isRegularFile(Path.of(table.value(0, "rlnMicrographName"))));
        try (var files = Files.list(tmp.resolve("abs"))) {
            assertEquals(List.of(w.main()), files.toList(), "only the STAR file");
        }
    }

    @Test
    void exportingAgainIntoTheSameFolderReplacesItsLinks() throws Exception {
        Written first = export(2, "again", null);
        Written second = export(2, "again", null);
        assertEquals(Files.readString(first.main()), Files.readString(second.main()));
    }

    @Test
    void jsonHasEveryItemWithEveryAttribute() throws Exception {
        Path file = tmp.resolve("json/run3.json");
        Written w = Exporter.export(project, 3, Exporter.Format.JSON, file, null, false);
        assertEquals(file, w.main());
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("export", root.get("project").asText());
        assertEquals("ProtMotionCorr", root.get("run").get("className").asText());
        JsonNode outputs = root.get("outputs");
        assertEquals(project.run(3).orElseThrow().outputs().size(), outputs.size(), "every output of the run");
        int items = 0;
        for (JsonNode out : outputs) {
            var stored = SetItems.entries(project.set(out.get("name").asText()).orElseThrow());
            assertEquals(stored.size(), out.get("items").size());
            for (int i = 0; i < stored.size(); i++) {
                JsonNode item = out.get("items").get(i);
                var e = stored.get(i);
                assertEquals(e.seq(), item.get("seq").asLong());
                assertEquals(e.item().id(), item.get("id").asLong());
                assertEquals(e.item().getClass().getSimpleName(), item.get("type").asText());
                Map<String, Object> attributes = new ObjectMapper().convertValue(item.get("attributes"),
                        new TypeReference<Map<String, Object>>() { });
                assertEquals(new ObjectMapper().convertValue(e.item().attributes(),
                        new TypeReference<Map<String, Object>>() { }), attributes, "attributes of " + e.item().id());
                items++;
            }
        }
        assertEquals(items, w.rows());
        JsonNode movie = outputs.findValues("items").stream().flatMap(n -> java.util.stream.StreamSupport
                .stream(n.spliterator(), false)).filter(n -> n.get("type").asText().equals("Movie")).findFirst()
                .orElseThrow();
        assertTrue(movie.get("attributes").get("shiftsX_px").isArray(), "the shifts are in the movie's attributes");
        assertEquals(2.0, movie.get("samplingRate_Apx").asDouble(), "typed fields under their names");
    }

    @Test
    void commandLine() throws Exception {
        ExportCommand command = new ExportCommand(projects);
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = command.run(new String[] {"name=export", "run=6", "--format", "json", "--out",
            tmp.resolve("cli").toString(), "output=outputParticles"}, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("cli/run6_outputParticles.json")));
        assertTrue(out.toString().contains("exported to " + tmp.resolve("cli/run6_outputParticles.json")), out.toString());

        assertUserError(command, "has no output 'outputFoo'; its outputs: ", "name=export", "run=3",
                "output=outputFoo", "--out", tmp.resolve("x").toString());
        assertUserError(command, "outputMovies (Movie, 2 items)",
                "name=export", "run=3", "output=outputFoo", "--out", tmp.resolve("x").toString());
        assertUserError(command, "has no run 42", "name=export", "run=42", "--out", tmp.toString());
        assertUserError(command, "--format must be star or json, not 'xml'", "name=export", "run=2", "--format=xml",
                "--out", tmp.toString());
        assertUserError(command, "export needs name=, run= and --out", "name=export", "run=2");
        assertUserError(command, "unknown argument 'colour=red'", "name=export", "run=2", "colour=red", "--out", "x");
        Path taken = Files.createDirectories(tmp.resolve("taken/Movies"));
        Files.writeString(taken.resolve("movie_0001.mrc"), "a user's own file");
        assertUserError(command, "exists and is not a link this export made", "name=export", "run=2", "--out",
                tmp.resolve("taken").toString());
        assertEquals("a user's own file", Files.readString(taken.resolve("movie_0001.mrc")), "never overwritten");
    }

    private static void assertUserError(ExportCommand command, String message, String... args) {
        var err = new java.io.ByteArrayOutputStream();
        int code = command.run(args, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().startsWith("scipion export: ") && err.toString().contains(message), err.toString());
    }

    private static Path real(String file) {
        try {
            return Path.of(file).toRealPath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
