package org.scipionj.motioncorr.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Movie;
import org.scipionj.image.Frame;
import org.scipionj.image.fft.ComplexFrame;
import org.scipionj.image.fft.Fft;
import org.scipionj.image.fft.Frequencies;
import org.scipionj.image.process.RealSpace;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.SimulationOptions;
import org.scipionj.simulator.internal.Acquisition;
import org.scipionj.simulator.internal.MovieSimulator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One movie from the simulator, with its ground truth and its noise-free frame 0 (the ideal micrograph). */
final class Simulated {

    final SimulationOptions options;
    final Path movie;
    final Path gain;
    final Path defects;
    final MovieTruth truth;
    final Frame ideal;

    private Simulated(SimulationOptions options, Path movie, Path gain, Path defects, MovieTruth truth, Frame ideal) {
        this.options = options;
        this.movie = movie;
        this.gain = gain;
        this.defects = defects;
        this.truth = truth;
        this.ideal = ideal;
    }

    static Simulated make(SimulationOptions options, Path dir) throws Exception {
        return make(options, dir, true);
    }

    /** As above; without {@code ideal} the noise-free frame is not rendered ({@link #ideal} is null). */
    static Simulated make(SimulationOptions options, Path dir, boolean ideal) throws Exception {
        SimulationOptions o = options.toBuilder().count(1).build();
        String name = Acquisition.movieName(1, o);
        if (!Files.exists(dir.resolve(name))) { // NB: benchmarks reuse a dataset made before
            new Acquisition(o, dir, new PrintStream(OutputStream.nullOutputStream())).run();
        }
        MovieTruth truth = new ObjectMapper().readValue(dir.resolve(MovieTruth.fileNameFor(name)).toFile(),
                MovieTruth.class);
        Frame clean = ideal ? noiseFree(o, name, truth) : null;
        Path gain = dir.resolve(Acquisition.GAIN);
        Path defects = dir.resolve(Acquisition.DEFECTS);
        return new Simulated(o, dir.resolve(name), Files.exists(gain) ? gain : null,
                Files.exists(defects) ? defects : null, truth, clean);
    }

    private static Frame noiseFree(SimulationOptions o, String name, MovieTruth truth) throws Exception {
        SimulationOptions clean = o.toBuilder().noise(false).gain(false).format(OutputFormat.MRC_FLOAT32).build();
        MovieSimulator sim = new MovieSimulator(clean);
        Frame ideal = new Frame(o.width(), o.height());
        sim.render(sim.plan(1, name, truth.acquisitionTime(), null, null), (t, counts) -> {
            if (t == 0) {
                System.arraycopy(counts, 0, ideal.data(), 0, counts.length);
            }
        });
        return ideal;
    }

    Movie item(long id) {
        return new Movie(id, movie.toString(), options.width(), options.height(), options.frames(),
                options.pixelSize_A(), options.dosePerFrame_ePerA2(), options.initialDose_ePerA2(),
                new org.scipionj.api.item.Acquisition(options.voltage_kV(), options.sphericalAberration_mm(),
                        options.amplitudeContrast(), 0), gain == null ? null : gain.toString(), null, Map.of());
    }

    /** RMS error of measured global shifts against the truth, after removing their mean difference. */
    double globalError(List<Double> x, List<Double> y) {
        double[][] m = new double[x.size()][];
        double[][] t = new double[x.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[] {x.get(i), y.get(i)};
            t[i] = new double[] {truth.motion().shiftX_px()[i], truth.motion().shiftY_px()[i]};
        }
        return SyntheticMovie.rmsError(m, t);
    }

    /**
     * RMS error of a displacement field against the true one over a 16 x 16 grid and every frame, after removing
     * the mean difference.
     */
    double fieldError(Motion motion) {
        int n = truth.frames();
        int w = truth.width();
        int h = truth.height();
        double[] d = new double[2];
        double sx = 0;
        double sy = 0;
        double sq = 0;
        int count = 0;
        for (int t = 0; t < n; t++) {
            Motion.Field f = motion.field(t);
            for (int j = 0; j < 16; j++) {
                for (int i = 0; i < 16; i++) {
                    double x = (i + 0.5) * w / 16;
                    double y = (j + 0.5) * h / 16;
                    f.at(x, y, d);
                    double[] truthD = truth.motion().displacement(x, y, t);
                    double ex = d[0] - truthD[0];
                    double ey = d[1] - truthD[1];
                    sx += ex;
                    sy += ey;
                    sq += ex * ex + ey * ey;
                    count++;
                }
            }
        }
        sx /= count;
        sy /= count;
        return Math.sqrt(sq / count - sx * sx - sy * sy);
    }

    /**
     * Correlation of {@code sum} with the ideal micrograph over spatial frequencies from {@code lowA} to
     * {@code highA} Å (e.g. 8 to 3), on the central region (a margin of {@code margin} pixels left out, edges
     * tapered).
     */
    double bandCorrelation(Frame sum, double lowA, double highA, int margin) {
        ComplexFrame a = Fft.forward(central(sum, margin));
        ComplexFrame b = Fft.forward(central(ideal, margin));
        double px = truth.optics().pixelSize_A();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int r = 0; r < a.height(); r++) {
            for (int c = 0; c < a.columns(); c++) {
                double k = Math.hypot((double) c / a.width(), Frequencies.cyclesPerPixel(r, a.height())) / px;
                if (k < 1 / lowA || k > 1 / highA) {
                    continue;
                }
                double m = c == 0 ? 1 : 2;
                int i = a.index(c, r);
                double ar = a.data()[i];
                double ai = a.data()[i + 1];
                double br = b.data()[i];
                double bi = b.data()[i + 1];
                ab += m * (ar * br + ai * bi);
                aa += m * (ar * ar + ai * ai);
                bb += m * (br * br + bi * bi);
            }
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static Frame central(Frame f, int margin) {
        Frame c = RealSpace.crop(f, margin, margin, f.width() - 2 * margin, f.height() - 2 * margin);
        float[] d = c.data();
        double mean = 0;
        for (float v : d) {
            mean += v / d.length;
        }
        float[] tx = PatchAlignment.taper(c.width());
        float[] ty = PatchAlignment.taper(c.height());
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                d[y * c.width() + x] = (float) ((d[y * c.width() + x] - mean) * tx[x] * ty[y]);
            }
        }
        return c;
    }
}
