package org.scipionj.simulator;

/**
 * The ground truth of one simulated movie, written beside it as {@code NAME.truth.json} (e.g.
 * {@code movie_0001.truth.json} beside {@code movie_0001.mrc}). Conventions: see the package documentation,
 * {@link CtfTruth}, {@link MotionTruth}, {@link LocalMotion} and {@link Particle}. Immutable.
 *
 * <pre>{@code
 * MovieTruth t = new ObjectMapper().readValue(file, MovieTruth.class);   // Jackson reads the records as they are
 * double[] d = t.motion().displacement(100, 200, 5);  // where the frame-0 point (100, 200) is in frame 5
 * }</pre>
 *
 * @param schema {@link #SCHEMA}
 * @param movie file name of the movie (in the same folder)
 * @param index 1-based index of the movie in its dataset
 * @param seed seed of this movie (derived from the dataset seed and the index)
 * @param acquisitionTime when the movie started to be written (ISO-8601 instant), or the nominal time
 *        {@code startTime + (index - 1) * interval} when the dataset was given a start time
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param frames number of frames
 * @param optics microscope and camera settings
 * @param ctf defocus, astigmatism, phase shift, envelope
 * @param motion global shifts and local deformation
 * @param particles particle centres and diameter
 * @param detector format, noise, gain reference and defects
 */
public record MovieTruth(String schema, String movie, int index, long seed, String acquisitionTime, int width,
                         int height, int frames, Optics optics, CtfTruth ctf, MotionTruth motion,
                         ParticleTruth particles, DetectorTruth detector) {

    /** The value of {@link #schema()} for this version of the format. */
    public static final String SCHEMA = "scipionj-simulator-truth/1";

    /** The truth file name of a movie file name: its extension replaced by {@code .truth.json}. */
    public static String fileNameFor(String movieFileName) {
        int dot = movieFileName.lastIndexOf('.');
        return (dot > 0 ? movieFileName.substring(0, dot) : movieFileName) + ".truth.json";
    }
}
