package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.item.Particle;
import org.scipionj.api.project.ScipionException;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * {@code particles.star} as RELION's Extract job writes it: {@code data_optics} (with {@code rlnImagePixelSize},
 * {@code rlnImageSize}, {@code rlnImageDimensionality} 2, and {@code rlnCtfDataArePhaseFlipped} 1 after a phase-flipping
 * extraction) and {@code data_particles}: {@code rlnImageName}
 * ({@code 000001@Particles/stack.mrcs}), {@code rlnMicrographName}, {@code rlnCoordinateX/Y} (micrograph pixels),
 * the CTF columns when every particle carries an estimated CTF, and {@code rlnOpticsGroup}. Stateless.
 */
final class ParticleTable {

    static final String FILE = "particles.star";

    private ParticleTable() {
    }

    /**
     * @param phaseFlipped whether extraction flipped the images' phases (Scipion's {@code doFlip}): the optics
     *        table then says so, and RELION does not flip them again
     */
    static Written write(List<Particle> particles, Lineage lineage, ExportFolder folder, boolean phaseFlipped)
            throws IOException {
        boolean ctf = particles.stream().allMatch(p -> CtfTable.estimated(p.ctf()));
        boolean phase = ctf && particles.stream().anyMatch(p -> p.ctf().phaseShift_deg() != 0);
        List<String> columns = new ArrayList<>(List.of("rlnImageName", "rlnMicrographName", "rlnCoordinateX",
                "rlnCoordinateY"));
        if (ctf) {
            columns.addAll(List.of("rlnDefocusU", "rlnDefocusV", "rlnCtfAstigmatism", "rlnDefocusAngle",
                    "rlnCtfFigureOfMerit", "rlnCtfMaxResolution"));
        }
        if (phase) {
            columns.add("rlnPhaseShift");
        }
        columns.add("rlnOpticsGroup");
        OpticsGroups optics = OpticsGroups.forParticles(phaseFlipped);
        StarBlock.Builder table = StarBlock.table("particles", columns);
        for (Particle p : particles) {
            Micrograph m = lineage.find(Micrograph.class, p.micrographId()).orElseThrow(() -> new ScipionException(
                    "particle " + p.id() + " comes from micrograph id " + p.micrographId() + ", which is not upstream "
                    + "of the run, so its optics are unknown; export an extraction run of this project"));
            Movie movie = lineage.find(Movie.class, p.micrographId()).orElse(null);
            List<Object> row = new ArrayList<>();
            row.add(String.format(Locale.ROOT, "%06d@%s", p.stackIndex(), folder.data(p.stackFile(), "Particles")));
            row.add(folder.data(m.file(), "Micrographs"));
            row.add(StarNumbers.decimal(p.x_px()));
            row.add(StarNumbers.decimal(p.y_px()));
            if (ctf) {
                row.addAll(CtfTable.values(p.ctf()));
            }
            if (phase) {
                row.add(StarNumbers.decimal(p.ctf().phaseShift_deg()));
            }
            double original = movie != null ? movie.samplingRate_Apx() : m.samplingRate_Apx();
            List<String> image = new ArrayList<>(List.of(StarNumbers.decimal(p.samplingRate_Apx()),
                    String.valueOf(p.boxSize_px()), "2"));
            if (phaseFlipped) {
                image.add("1");
            }
            row.add(optics.group(original, m.acquisition(), image, MicrographTable.label(m, movie)));
            table.addRow(row.toArray());
        }
        Path out = folder.file(FILE);
        new StarFile(List.of(optics.block(), table.build())).write(out);
        List<String> notes = new ArrayList<>();
        if (!ctf) {
            notes.add("no CTF columns: not every particle carries an estimated CTF (extract with ctfRelations set)");
        }
        return new Written(out, particles.size(), List.of(out), notes);
    }
}
