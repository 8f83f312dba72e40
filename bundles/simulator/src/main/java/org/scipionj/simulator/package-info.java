/**
 * The acquisition simulator's API ({@code scipion testdata}): {@link org.scipionj.simulator.Preset}s,
 * {@link org.scipionj.simulator.SimulationOptions} and the ground-truth records written beside each movie
 * ({@link org.scipionj.simulator.MovieTruth} as {@code NAME.truth.json}, {@link org.scipionj.simulator.DatasetSummary}
 * as {@code dataset.json}). Later steps (motion correction, CTF estimation, picking) measure their accuracy
 * against these files, so every convention is stated here.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li><b>Pixels and axes.</b> Coordinates are in pixels of the movie as stored: x is the column, y the row (MRC's
 * y, first row first), and pixel {@code (i, j)} has its centre at {@code (x, y) = (i, j)}.</li>
 * <li><b>Units</b> are in the field names: {@code _A} ångström, {@code _px} pixels, {@code _um} micrometres,
 * {@code _deg} degrees, {@code _kV}, {@code _mm}, {@code _ePerA2} electrons per Å², {@code _A2} Å².</li>
 * <li><b>Motion.</b> Shifts are the displacement of the specimen in frame t relative to <em>frame 0</em>: the
 * feature at (x, y) in frame 0 is at (x + shiftX_px[t] + Lx, y + shiftY_px[t] + Ly) in frame t, so
 * {@code shift[0] = (0, 0)} and the shift that aligns frame t onto frame 0 is {@code -shift[t]}. For another
 * reference frame r (MotionCor2 uses the central one), use {@code shift[t] - shift[r]}. The local part
 * {@code (Lx, Ly)} is a MotionCor2-style polynomial ({@link org.scipionj.simulator.LocalMotion}), evaluated at the
 * frame-0 position, zero at frame 0 and of zero mean over the frame. Each frame is a snapshot (no blur within a
 * frame).</li>
 * <li><b>CTF</b> (CTFFIND4, Rohou &amp; Grigorieff 2015): underfocus positive, {@code defocusU_A >= defocusV_A},
 * {@code defocusAngle_deg} from +x towards +y to the direction of defocus U, {@code CTF = -sin χ} with
 * {@code χ = π λ Δf(θ) k² - (π/2) Cs λ³ k⁴ + Δφ + atan(w / sqrt(1 - w²))}, times the envelope
 * {@code exp(-B k²/4)}; λ is the relativistic wavelength (0.019687 Å at 300 kV).</li>
 * <li><b>Particles</b>: centres in frame-0 pixel coordinates (for a sum aligned to frame 0, the coordinates in
 * that sum), at the centroid of each particle's projected density; diameter in Å and pixels.</li>
 * <li><b>Counts.</b> Pixel values are electrons counted per pixel per frame: Poisson with mean
 * {@code dose per frame x pixel area x image intensity x detector sensitivity}. With gain, the raw frames carry the
 * sensitivity pattern and dead (0) and hot pixels; {@code gain.mrc} is the reference to <em>multiply</em> raw
 * frames by (1/sensitivity, 0 at dead pixels) and {@code defects.txt} lists dead and hot pixels as
 * {@code x y 1 1} (MotionCor2's {@code -DefectFile}). Integer formats clip: mrc-int16 at 32767, mrc-uint8 at 127
 * (so signed and unsigned readers of MRC mode 0 agree), tiff (8-bit) at 255.</li>
 * <li><b>Reproducibility</b>: equal options (seed included) give equal files; movie i does not depend on the
 * count. Acquisition times are the wall clock unless a start time is given.</li>
 * </ul>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.simulator;
