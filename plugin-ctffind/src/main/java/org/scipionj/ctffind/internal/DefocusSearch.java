package org.scipionj.ctffind.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CTFFIND4 search (Rohou &amp; Grigorieff 2015) on a prepared spectrum: (1) the azimuth of astigmatism from the
 * spectrum's mirror symmetry ({@link AzimuthSearch}); (2) an exhaustive 1D search of the mean defocus (and phase
 * shift) against the rotational average; (3) a 2D grid search of mean defocus and astigmatism along that azimuth
 * (or, with {@code slowSearch}, over every azimuth and the whole defocus range) on a quarter of the pixels;
 * (4) local refinement of defocusU, defocusV, angle (and phase shift) by Nelder–Mead on all pixels from the best
 * grid points. The score is the normalised cross-correlation of {@link FitTarget}, minus CTFFIND's astigmatism
 * restraint {@code A² / (2 tol² n)} when asked. Stateless.
 */
final class DefocusSearch {

    /** The best fit: its parameters and score (the correlation, without the restraint). */
    record Fit(CtfParameters parameters, double score) {
    }

    /** Largest astigmatism the 2D grid tries, Å. */
    static final double MAX_GRID_ASTIGMATISM = 3000;
    /** Astigmatism step of the 2D grid, Å. */
    static final double ASTIGMATISM_STEP = 250;

    private DefocusSearch() {
    }

    static Fit run(PreparedSpectrum spectrum, Microscope optics, SearchSettings s, Workers workers) {
        FitTarget fine = FitTarget.of(spectrum, 1);
        FitTarget coarse = fine.size() > 20_000 ? FitTarget.of(spectrum, 2) : fine;
        if (fine.size() < 10) {
            throw new IllegalArgumentException("the fitting band " + s.lowRes_A() + "-" + s.highRes_A()
                    + " Å holds no pixels of a " + spectrum.box() + " px spectrum at " + spectrum.pixelSize_A()
                    + " Å/px; widen it");
        }
        double penalty = s.restrainAstigmatism() && s.astigmatismTolerance_A() > 0
                ? 1.0 / (2 * s.astigmatismTolerance_A() * s.astigmatismTolerance_A() * fine.size()) : 0;
        double[] phases = phaseGrid(s);
        double[] best1d = search1d(RadialAverage.of(spectrum), optics, s, phases);
        List<Scored> grid = s.slowSearch()
                ? slowGrid(coarse, optics, s, best1d[2], penalty, workers)
                : grid(coarse, optics, s, best1d, AzimuthSearch.axis_deg(spectrum), penalty);
        Scored best = null;
        for (Scored start : distinctBest(grid, 3)) {
            Scored refined = refine(coarse, optics, s, start.parameters, penalty, Workers.single(), 2);
            if (best == null || refined.value > best.value) {
                best = refined;
            }
        }
        CtfParameters p = refine(fine, optics, s, best.parameters, penalty, workers, 0.5).parameters;
        return new Fit(p, fine.score(p, optics, workers));
    }

    private static double[] phaseGrid(SearchSettings s) {
        if (!s.findPhaseShift()) {
            return new double[] {0};
        }
        double step = s.stepPhaseShift_deg() > 0 ? s.stepPhaseShift_deg() : 10;
        int n = (int) Math.floor((s.maxPhaseShift_deg() - s.minPhaseShift_deg()) / step + 1e-9) + 1;
        double[] phases = new double[Math.max(1, n)];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = Math.toRadians(s.minPhaseShift_deg() + i * step);
        }
        return phases;
    }

    /** Exhaustive mean defocus (and phase) search on the rotational average, then a fine scan: {score, df, phase}. */
    private static double[] search1d(RadialAverage profile, Microscope optics, SearchSettings s, double[] phases) {
        double step = s.stepDefocus_A() > 0 ? s.stepDefocus_A() : 500;
        double[] best = {Double.NEGATIVE_INFINITY, s.minDefocus_A(), phases[0]};
        for (double df = s.minDefocus_A(); df <= s.maxDefocus_A() + 1e-6; df += step) {
            for (double phase : phases) {
                double score = profile.score(df, phase, optics);
                if (score > best[0]) {
                    best = new double[] {score, df, phase};
                }
            }
        }
        double centre = best[1];
        double fineStep = step / 20;
        for (double df = centre - step; df <= centre + step + 1e-6; df += fineStep) {
            double score = profile.score(df, best[2], optics);
            if (score > best[0]) {
                best = new double[] {score, df, best[2]};
            }
        }
        return best;
    }

    private record Scored(CtfParameters parameters, double value) {
    }

    /** Mean defocus around the 1D result and signed astigmatism along the symmetry axis. */
    private static List<Scored> grid(FitTarget target, Microscope optics, SearchSettings s, double[] best1d,
                                     double axis_deg, double penalty) {
        double step = s.stepDefocus_A() > 0 ? s.stepDefocus_A() : 500;
        double c = Math.cos(Math.toRadians(2 * axis_deg));
        double sn = Math.sin(Math.toRadians(2 * axis_deg));
        List<Scored> scored = new ArrayList<>();
        for (int i = -2; i <= 2; i++) {
            double mean = best1d[1] + i * step / 4;
            for (double a = -MAX_GRID_ASTIGMATISM; a <= MAX_GRID_ASTIGMATISM + 1e-6; a += ASTIGMATISM_STEP) {
                CtfParameters p = new CtfParameters(mean, a * c, a * sn, best1d[2]);
                scored.add(new Scored(p, target.score(p, optics) - penalty * a * a));
            }
        }
        return scored;
    }

    /** Every mean defocus of the range (half steps), astigmatism 0-3000 Å and azimuth every 15°. */
    private static List<Scored> slowGrid(FitTarget target, Microscope optics, SearchSettings s, double phase,
                                         double penalty, Workers workers) {
        double step = (s.stepDefocus_A() > 0 ? s.stepDefocus_A() : 500) / 2;
        int means = (int) Math.floor((s.maxDefocus_A() - s.minDefocus_A()) / step + 1e-9) + 1;
        List<List<Scored>> perMean = new ArrayList<>();
        for (int m = 0; m < means; m++) {
            perMean.add(new ArrayList<>());
        }
        workers.forRange(means, (m0, m1) -> {
            for (int m = m0; m < m1; m++) {
                double mean = s.minDefocus_A() + m * step;
                for (double astig = 0; astig <= MAX_GRID_ASTIGMATISM + 1e-6; astig += ASTIGMATISM_STEP) {
                    for (int t = 0; t < (astig == 0 ? 1 : 12); t++) {
                        double angle = Math.toRadians(2 * 15.0 * t);
                        CtfParameters p = new CtfParameters(mean, astig * Math.cos(angle), astig * Math.sin(angle),
                                phase);
                        perMean.get(m).add(new Scored(p, target.score(p, optics) - penalty * astig * astig));
                    }
                }
            }
        });
        List<Scored> all = new ArrayList<>();
        perMean.forEach(all::addAll);
        return all;
    }

    /** The {@code count} best grid points that differ by more than one astigmatism step or one defocus step. */
    private static List<Scored> distinctBest(List<Scored> grid, int count) {
        List<Scored> sorted = new ArrayList<>(grid);
        sorted.sort(Comparator.comparingDouble((Scored x) -> x.value).reversed());
        List<Scored> picked = new ArrayList<>();
        for (Scored candidate : sorted) {
            boolean near = false;
            for (Scored p : picked) {
                CtfParameters a = candidate.parameters;
                CtfParameters b = p.parameters;
                if (Math.abs(a.mean_A() - b.mean_A()) < 300
                        && Math.hypot(a.astigX_A() - b.astigX_A(), a.astigY_A() - b.astigY_A()) < 1.5 * ASTIGMATISM_STEP) {
                    near = true;
                    break;
                }
            }
            if (!near) {
                picked.add(candidate);
                if (picked.size() == count) {
                    break;
                }
            }
        }
        return picked;
    }

    /**
     * Nelder–Mead on (mean, astigX, astigY[, phase]) from {@code start}, restarted once from where it stopped, until
     * the simplex spans less than {@code tolerance_A} in defocus.
     */
    private static Scored refine(FitTarget target, Microscope optics, SearchSettings s, CtfParameters start,
                                 double penalty, Workers workers, double tolerance_A) {
        boolean phase = s.findPhaseShift();
        java.util.function.ToDoubleFunction<double[]> cost = x -> {
            CtfParameters p = new CtfParameters(x[0], x[1], x[2], phase ? x[3] : start.phaseShift_rad());
            double a2 = x[1] * x[1] + x[2] * x[2];
            return -(target.score(p, optics, workers) - penalty * a2);
        };
        double[] x = phase
                ? new double[] {start.mean_A(), start.astigX_A(), start.astigY_A(), start.phaseShift_rad()}
                : new double[] {start.mean_A(), start.astigX_A(), start.astigY_A()};
        double phaseStep = Math.toRadians(Math.max(1, s.stepPhaseShift_deg() / 2));
        double[] steps = phase ? new double[] {100, 150, 150, phaseStep} : new double[] {100, 150, 150};
        double t = tolerance_A;
        double[] tolerance = phase ? new double[] {t, 2 * t, 2 * t, 2e-3 * t} : new double[] {t, 2 * t, 2 * t};
        NelderMead.Result r = NelderMead.minimize(cost, x, steps, tolerance, 600);
        double[] small = phase ? new double[] {20, 30, 30, phaseStep / 4} : new double[] {20, 30, 30};
        r = NelderMead.minimize(cost, r.point(), small, tolerance, 400);
        double[] p = r.point();
        return new Scored(new CtfParameters(p[0], p[1], p[2], phase ? p[3] : start.phaseShift_rad()), -r.value());
    }
}
