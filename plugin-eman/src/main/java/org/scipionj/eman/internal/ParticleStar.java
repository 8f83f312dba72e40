package org.scipionj.eman.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Particle;
import org.scipionj.image.star.StarBlock;
import org.scipionj.image.star.StarFile;

/**
 * The RELION 3.1+ particles STAR file of one micrograph's stack: a {@code data_optics} block (one optics group
 * with the micrograph's optics, image pixel size and size) and a {@code data_particles} block, one row per particle:
 * {@code rlnImageName} ({@code N@stack.mrcs}), {@code rlnMicrographName}, {@code rlnCoordinateX/Y} (micrograph
 * pixels), {@code rlnOpticsGroup}, {@code rlnAutopickFigureOfMerit} and, with a CTF, {@code rlnDefocusU/V},
 * {@code rlnDefocusAngle}, {@code rlnPhaseShift}, {@code rlnCtfFigureOfMerit}, {@code rlnCtfMaxResolution}.
 * Stateless.
 */
final class ParticleStar {

    private ParticleStar() {
    }

    static void write(Path file, Micrograph m, List<Particle> particles, boolean ctfColumns) throws IOException {
        Acquisition a = m.acquisition();
        Particle first = particles.get(0);
        StarBlock optics = StarBlock.table("optics", List.of("rlnOpticsGroupName", "rlnOpticsGroup",
                "rlnMicrographOriginalPixelSize", "rlnVoltage", "rlnSphericalAberration", "rlnAmplitudeContrast",
                "rlnImagePixelSize", "rlnImageSize", "rlnImageDimensionality"))
                .addRow("opticsGroup1", "1", CoordinateFiles.fmt(m.samplingRate_Apx()), CoordinateFiles.fmt(a.voltage_kV()),
                        CoordinateFiles.fmt(a.sphericalAberration_mm()), CoordinateFiles.fmt(a.amplitudeContrast()),
                        CoordinateFiles.fmt(first.samplingRate_Apx()), String.valueOf(first.boxSize_px()), "2")
                .build();
        List<String> columns = new java.util.ArrayList<>(List.of("rlnImageName", "rlnMicrographName",
                "rlnCoordinateX", "rlnCoordinateY", "rlnOpticsGroup", "rlnAutopickFigureOfMerit"));
        if (ctfColumns) {
            columns.addAll(List.of("rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle", "rlnPhaseShift",
                    "rlnCtfFigureOfMerit", "rlnCtfMaxResolution"));
        }
        StarBlock.Builder b = StarBlock.table("particles", columns);
        for (Particle p : particles) {
            List<Object> row = new java.util.ArrayList<>(List.of(p.stackIndex() + "@" + p.stackFile(), m.file(),
                    CoordinateFiles.fmt(p.x_px()), CoordinateFiles.fmt(p.y_px()), "1",
                    CoordinateFiles.fmt(((Number) p.attributes().getOrDefault("score", 0.0)).doubleValue())));
            if (ctfColumns) {
                row.addAll(List.of(CoordinateFiles.fmt(p.ctf().defocusU_A()), CoordinateFiles.fmt(p.ctf().defocusV_A()),
                        CoordinateFiles.fmt(p.ctf().defocusAngle_deg()), CoordinateFiles.fmt(p.ctf().phaseShift_deg()),
                        CoordinateFiles.fmt(p.ctf().fitQuality()), CoordinateFiles.fmt(p.ctf().resolution_A())));
            }
            b.addRow(row.toArray());
        }
        new StarFile(List.of(optics, b.build())).write(file);
    }
}
