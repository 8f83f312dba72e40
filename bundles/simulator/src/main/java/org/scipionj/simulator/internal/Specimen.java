package org.scipionj.simulator.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.scipionj.image.ctf.ElectronOptics;

/**
 * The specimen of one movie, before the microscope: the projected phase (particles in amorphous ice) and the
 * smooth transmission of the ice layer. Coordinates are frame-0 pixels. Stateless.
 *
 * <p><b>Particles</b> are Gaussian-sum "proteins": {@link Physics#blobsPerParticle()} 3D Gaussian blobs of
 * standard deviation D/10 with centres uniform in a sphere of radius D/2 - D/10, random weights, projected along z
 * (a projected 3D Gaussian is a 2D Gaussian of the same standard deviation) and shifted so that the weighted
 * centroid is exactly the recorded centre. A particle's integrated phase is that of a protein sphere of diameter
 * D: {@code σ ΔV π D³ / 6}, with σ the interaction constant ({@link ElectronOptics}) and ΔV
 * {@link Physics#proteinContrast_V()}.
 *
 * <p><b>Ice</b>: a white Gaussian phase texture ({@link Physics#iceTexture_radA()}) and a transmission
 * {@code E = 1 + sum_m a_m cos(2π (u_m x / W + v_m y / H) + φ_m)}, three terms with integer frequencies
 * {@code |u|, |v| <= 2} (so E is periodic over the frame, like everything the Fourier shifts move).
 */
final class Specimen {

    private Specimen() {
    }

    /** The projected phase in radians, {@code width * height} row by row, with the particles at {@code centres}. */
    static float[] phase(int width, int height, double pixelSize_A, double voltage_kV, List<double[]> centres,
                         double diameter_px, long movieSeed, Physics physics) {
        float[] phase = new float[width * height];
        double sd = physics.iceTexture_radA() / pixelSize_A;
        if (sd > 0) {
            Loops.forRows(height, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    SplittableRandom r = Seeds.random(movieSeed, Seeds.ICE, y);
                    int row = y * width;
                    for (int x = 0; x < width; x++) {
                        phase[row + x] = (float) (sd * Seeds.gaussian(r));
                    }
                }
            });
        }
        double diameter_A = diameter_px * pixelSize_A;
        double integral_px = ElectronOptics.interactionConstant_radPerVA(voltage_kV) * physics.proteinContrast_V()
                * Math.PI * diameter_A * diameter_A * diameter_A / 6 / (pixelSize_A * pixelSize_A);
        for (int i = 0; i < centres.size(); i++) {
            double[] c = centres.get(i);
            addParticle(phase, width, height, c[0], c[1], diameter_px, integral_px, physics.blobsPerParticle(),
                    Seeds.random(movieSeed, Seeds.PARTICLES, i + 1));
        }
        return phase;
    }

    static void addParticle(float[] phase, int width, int height, double cx, double cy, double diameter,
                                    double integral, int blobs, SplittableRandom r) {
        double sigma = Math.max(1.0, diameter / 10);
        double radius = Math.max(0, diameter / 2 - sigma);
        double[] bx = new double[blobs];
        double[] by = new double[blobs];
        double[] w = new double[blobs];
        double sumW = 0;
        double mx = 0;
        double my = 0;
        for (int b = 0; b < blobs; b++) {
            double x;
            double y;
            double z;
            do {
                x = 2 * r.nextDouble() - 1;
                y = 2 * r.nextDouble() - 1;
                z = 2 * r.nextDouble() - 1;
            } while (x * x + y * y + z * z > 1);
            bx[b] = x * radius;
            by[b] = y * radius;
            w[b] = 0.5 + r.nextDouble();
            sumW += w[b];
            mx += w[b] * bx[b];
            my += w[b] * by[b];
        }
        mx /= sumW;
        my /= sumW;
        int reach = (int) Math.ceil(4 * sigma);
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        for (int b = 0; b < blobs; b++) {
            double px = cx + bx[b] - mx;
            double py = cy + by[b] - my;
            double amplitude = integral * w[b] / sumW;
            int x0 = (int) Math.floor(px) - reach;
            int y0 = (int) Math.floor(py) - reach;
            int n = 2 * reach + 2;
            double[] gx = new double[n];
            double[] gy = new double[n];
            for (int i = 0; i < n; i++) {
                double dx = x0 + i - px;
                double dy = y0 + i - py;
                gx[i] = norm * Math.exp(-dx * dx / (2 * sigma * sigma));
                gy[i] = norm * Math.exp(-dy * dy / (2 * sigma * sigma));
            }
            for (int j = 0; j < n; j++) {
                int y = Math.floorMod(y0 + j, height); // NB: periodic, like the rest of the specimen
                int row = y * width;
                double ay = amplitude * gy[j];
                for (int i = 0; i < n; i++) {
                    phase[row + Math.floorMod(x0 + i, width)] += (float) (ay * gx[i]);
                }
            }
        }
    }

    /** The ice-thickness transmission E (mean 1), {@code width * height} row by row. */
    static float[] transmission(int width, int height, long movieSeed, double amplitude) {
        float[] e = new float[width * height];
        java.util.Arrays.fill(e, 1f);
        if (amplitude <= 0) {
            return e;
        }
        SplittableRandom r = Seeds.random(movieSeed, Seeds.ICE, -1);
        for (int m = 0; m < 3; m++) {
            int u;
            int v;
            do {
                u = r.nextInt(-2, 3);
                v = r.nextInt(-2, 3);
            } while (u == 0 && v == 0);
            double a = amplitude * r.nextDouble();
            double phi = 2 * Math.PI * r.nextDouble();
            // NB: cos(α + β) = cos α cos β - sin α sin β, α along x, β along y: two tables, no cos per pixel.
            double[] cx = new double[width];
            double[] sx = new double[width];
            for (int x = 0; x < width; x++) {
                cx[x] = Math.cos(2 * Math.PI * u * x / width);
                sx[x] = Math.sin(2 * Math.PI * u * x / width);
            }
            for (int y = 0; y < height; y++) {
                double beta = 2 * Math.PI * v * y / height + phi;
                double cb = a * Math.cos(beta);
                double sb = a * Math.sin(beta);
                int row = y * width;
                for (int x = 0; x < width; x++) {
                    e[row + x] += (float) (cx[x] * cb - sx[x] * sb);
                }
            }
        }
        return e;
    }
}
