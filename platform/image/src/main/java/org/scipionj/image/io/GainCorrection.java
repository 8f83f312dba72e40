package org.scipionj.image.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scipionj.image.Frame;

/**
 * Corrects raw movie frames as MotionCor2 does: {@code corrected = (raw - dark) * gain}, then bad
 * pixels replaced by the median of their good neighbours ({@link Defects}). The gain and dark
 * references are first turned into the movie's orientation with a {@link GainOrientation} (rotation,
 * then flip; the dark reference gets the same one); a reference whose size fits the movie in no
 * orientation, or only in another one, is refused with a message saying which {@code gainRot}
 * would fit. Immutable, so thread-safe: one instance can correct frames on many threads.
 *
 * <pre>{@code
 * GainCorrection gc = GainCorrection.load(movie.width(), movie.height(), Path.of("gain.mrc"),
 *         GainOrientation.of(gainRot, gainFlip), null, Path.of("defects.txt"), null);
 * Frame f = movie.readFrame(z);
 * gc.apply(f); // in place
 * }</pre>
 */
public final class GainCorrection {

    private final int width;
    private final int height;
    private final float[] gain;
    private final float[] dark;
    private final Defects defects;

    private GainCorrection(int width, int height, float[] gain, float[] dark, Defects defects) {
        this.width = width;
        this.height = height;
        this.gain = gain;
        this.dark = dark;
        this.defects = defects;
    }

    /** Starts a correction for movie frames of {@code width x height}. */
    public static Builder builder(int width, int height) {
        return new Builder(width, height);
    }

    /**
     * Loads the references from files (MRC or TIFF, single image; any may be null to skip it).
     *
     * @param gainFile multiplicative gain reference, or null
     * @param orientation how to turn the gain and dark references into the movie's orientation
     * @param darkFile dark reference to subtract, or null
     * @param defectFile MotionCor2-style defect list ({@code x y w h} lines), or null
     * @param defectMap defect map image (non-zero = bad pixel) in movie orientation, or null
     * @throws InvalidImageException if a reference cannot be read or does not fit the movie
     */
    public static GainCorrection load(int width, int height, Path gainFile, GainOrientation orientation, Path darkFile,
                                      Path defectFile, Path defectMap) throws IOException {
        Builder b = builder(width, height);
        if (gainFile != null) {
            b.gain(MovieReaders.readImage(gainFile), orientation, gainFile);
        }
        if (darkFile != null) {
            b.dark(MovieReaders.readImage(darkFile), orientation, darkFile);
        }
        if (defectFile != null) {
            b.defects(Defects.readFile(defectFile, width, height));
        }
        if (defectMap != null) {
            Frame map = MovieReaders.readImage(defectMap);
            if (map.width() != width || map.height() != height) {
                throw new InvalidImageException(defectMap, InvalidImageException.Reason.BAD_DIMENSIONS, defectMap
                        + " is a " + map.width() + " x " + map.height() + " defect map but the movie frames are "
                        + width + " x " + height + "; give the defect map of this camera in movie orientation");
            }
            b.defects(Defects.fromMap(map));
        }
        return b.build();
    }

    /** Frame width this correction applies to. */
    public int width() {
        return width;
    }

    /** Frame height this correction applies to. */
    public int height() {
        return height;
    }

    /** The gain in movie orientation (a copy), or null when there is none. */
    public Frame orientedGain() {
        return gain == null ? null : new Frame(width, height, gain.clone());
    }

    /**
     * Corrects {@code frame} in place.
     *
     * @throws IllegalArgumentException if the frame's size is not the movie's
     */
    public void apply(Frame frame) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("gain correction is for " + width + "x" + height + " frames, got "
                    + frame.width() + "x" + frame.height());
        }
        apply(frame.data());
    }

    /** Corrects {@code width * height} pixels in place, row by row. */
    public void apply(float[] pixels) {
        int n = width * height;
        if (pixels.length < n) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + n + " values, got "
                    + pixels.length);
        }
        if (dark != null && gain != null) {
            for (int i = 0; i < n; i++) {
                pixels[i] = (pixels[i] - dark[i]) * gain[i];
            }
        } else if (gain != null) {
            for (int i = 0; i < n; i++) {
                pixels[i] *= gain[i];
            }
        } else if (dark != null) {
            for (int i = 0; i < n; i++) {
                pixels[i] -= dark[i];
            }
        }
        if (defects != null) {
            defects.repair(pixels);
        }
    }

    /** Collects the references; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final int width;
        private final int height;
        private float[] gain;
        private float[] dark;
        private Defects defects;

        private Builder(int width, int height) {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("impossible movie frame size " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
        }

        /** The gain reference as stored, turned by {@code orientation}; {@code source} names it in errors (may be null). */
        public Builder gain(Frame reference, GainOrientation orientation, Path source) throws InvalidImageException {
            gain = orient("gain", reference, orientation, source);
            return this;
        }

        /** The dark reference as stored, turned by {@code orientation} (the gain's). */
        public Builder dark(Frame reference, GainOrientation orientation, Path source) throws InvalidImageException {
            dark = orient("dark", reference, orientation, source);
            return this;
        }

        /** Bad pixels to repair after gain and dark; combined with any given before. */
        public Builder defects(Defects more) {
            if (more.width() != width || more.height() != height) {
                throw new IllegalArgumentException("defects for " + more.width() + "x" + more.height()
                        + " frames do not fit " + width + "x" + height + " movie frames");
            }
            defects = defects == null ? more : defects.and(more);
            return this;
        }

        public GainCorrection build() {
            return new GainCorrection(width, height, gain, dark, defects == null || defects.count() == 0 ? null : defects);
        }

        private float[] orient(String what, Frame ref, GainOrientation o, Path source) throws InvalidImageException {
            int ow = o.width(ref.width(), ref.height());
            int oh = o.height(ref.width(), ref.height());
            if (ow == width && oh == height) {
                return o.apply(ref).data();
            }
            String name = source != null ? source.toString() : "the " + what + " reference";
            List<String> fitting = new ArrayList<>();
            for (GainRotation r : GainRotation.values()) {
                GainOrientation alt = new GainOrientation(r, o.flip());
                if (alt.width(ref.width(), ref.height()) == width && alt.height(ref.width(), ref.height()) == height) {
                    fitting.add(r.code() + " (" + r.degrees() + "°)");
                }
            }
            String advice = fitting.isEmpty()
                    ? "it fits the movie in no orientation (0/90/180/270°); check that this " + what + " reference"
                            + " belongs to this camera and binning (super-resolution references are twice the size)"
                    : "gainRot " + String.join(" or ", fitting) + " would fit; set the gain rotation accordingly";
            String message = name + " is a " + ref.width() + " x " + ref.height() + " " + what + " reference; with "
                    + o + " it is " + ow + " x " + oh + " but the movie frames are " + width + " x " + height
                    + "; " + advice;
            throw new InvalidImageException(source, InvalidImageException.Reason.BAD_DIMENSIONS, message);
        }
    }
}
