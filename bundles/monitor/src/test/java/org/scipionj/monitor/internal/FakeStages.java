package org.scipionj.monitor.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.image.Frame;
import org.scipionj.image.io.MrcFiles;
import org.scipionj.image.io.MrcMode;

/**
 * Stand-ins for motion correction and CTF estimation with known outputs: movie N gets total drift 10*N Å (early
 * 4*N Å), and defocus 10000 + 1000*N Å, resolution 4 Å except movie 5 (12 Å). Both write real
 * MRC files (micrograph, power spectrum), as the plugins do.
 */
final class FakeStages {

    private FakeStages() {
    }

    /** Writes what plugin-motioncorr writes: two micrograph sets, aligned movies, thumbnail and drift plot PNGs. */
    static final class Align implements ItemProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("fake.align", "Fake motion correction", List.of("FakeMotionCorr"),
                    List.of(Slot.of("inputMovies", Movie.class)), List.of(
                    Slot.of("outputMicrographsDoseWeighted", Micrograph.class),
                    Slot.of("outputMicrographs", Micrograph.class), Slot.of("outputMovies", Movie.class)), List.of());
        }

        @Override
        public ItemProcessor open(RunContext run) {
            return (ctx, input) -> {
                Movie m = (Movie) input;
                Frame sum = new Frame(64, 64);
                for (int i = 0; i < sum.data().length; i++) {
                    sum.data()[i] = (float) Math.sin(i * 0.37 + m.id());
                }
                Path out = ctx.outputDir().resolve("mic_" + m.id() + ".mrc");
                MrcFiles.write(out, List.of(sum), MrcMode.FLOAT32, m.samplingRate_Apx());
                Path thumb = ctx.outputDir().resolve("mic_" + m.id() + "_thumbnail.png");
                org.scipionj.image.process.Thumbnails.writePng(sum, thumb,
                        org.scipionj.image.process.Thumbnails.Options.DEFAULT);
                Path plot = ctx.outputDir().resolve("mic_" + m.id() + "_global_shifts.png");
                Charts.trajectory(plot, m.id(), new double[] {0, 1, 2}, new double[] {0, 1, 1});
                Map<String, Object> attrs = Map.of("driftTotal_A", 10.0 * m.id(), "driftEarly_A", 4.0 * m.id(),
                        "plotGlobal", plot.toString(), "thumbnail", thumb.toString());
                Micrograph mic = new Micrograph(m.id(), out.toString(), 64, 64, m.samplingRate_Apx(), m.acquisition(),
                        m.file(), attrs);
                return ItemResult.builder().add("outputMicrographsDoseWeighted", mic).add("outputMicrographs", mic)
                        .add("outputMovies", m).build();
            };
        }
    }

    static final class Ctf implements ItemProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("fake.ctf", "Fake CTF", List.of("FakeCtffind"),
                    List.of(Slot.of("inputMicrographs", Micrograph.class)), List.of(Slot.of("outputCTF",
                    CtfModel.class)), List.of());
        }

        @Override
        public ItemProcessor open(RunContext run) {
            return (ctx, input) -> {
                Micrograph m = (Micrograph) input;
                Frame psd = new Frame(32, 32);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        psd.set(x, y, (float) Math.cos(Math.hypot(x - 16, y - 16)));
                    }
                }
                Path out = ctx.outputDir().resolve("psd_" + m.id() + ".mrc");
                MrcFiles.write(out, List.of(psd), MrcMode.FLOAT32, 1.0);
                double def = 10000 + 1000 * m.id();
                return ItemResult.done("outputCTF", new CtfModel(m.id(), m.file(), def + 100, def - 100, 45, 0,
                        m.id() == 5 ? 12 : 4, 0.8, out.toString(), Map.of()));
            };
        }
    }

    /** Writes a small float MRC movie (flat illumination, mean 10) of {@code frames} frames. */
    static void movie(Path file, int frames, long seed) throws java.io.IOException {
        java.util.Random r = new java.util.Random(seed);
        List<Frame> list = new ArrayList<>();
        for (int z = 0; z < frames; z++) {
            Frame f = new Frame(64, 64);
            for (int i = 0; i < f.data().length; i++) {
                f.data()[i] = (float) (10 + Math.sqrt(10) * r.nextGaussian());
            }
            list.add(f);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        MrcFiles.write(tmp, list, MrcMode.FLOAT32, 1.0);
        Files.move(tmp, file);
    }
}
