package org.scipionj.image.process;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.scipionj.image.Frame;
import org.scipionj.image.fft.Fft;

/**
 * 8-bit grey PNG thumbnails for reports, with a robust contrast stretch: values are clipped to the
 * {@link Options#lowPercentile()} and {@link Options#highPercentile()} percentiles (default 0.5 and 99.5) of the
 * downscaled image and mapped linearly to 0..255. Downscaling averages blocks of an integer factor, the smallest
 * that brings both sides to at most {@link Options#maxSize()} ({@code 0}: keep the size). Row 0 of the frame is the
 * top row of the picture. Works headless (javax.imageio only). Stateless and thread-safe.
 *
 * <pre>{@code
 * Thumbnails.writePng(micrograph, dir.resolve("mic.png"), Thumbnails.Options.DEFAULT);
 * Thumbnails.writePowerSpectrumPng(micrograph, dir.resolve("mic_psd.png"), Thumbnails.Options.DEFAULT);
 * }</pre>
 */
public final class Thumbnails {

    /** Largest side in pixels (0: no downscaling) and the percentiles mapped to black and white. */
    public record Options(int maxSize, double lowPercentile, double highPercentile) {

        /** At most 512 px, clipped to the 0.5 and 99.5 percentiles. */
        public static final Options DEFAULT = new Options(512, 0.5, 99.5);

        public Options {
            if (maxSize < 0 || !(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
                throw new IllegalArgumentException("need maxSize >= 0 and 0 <= low < high <= 100 percentiles, got "
                        + maxSize + ", " + lowPercentile + ", " + highPercentile);
            }
        }
    }

    private Thumbnails() {
    }

    /** The contrast-stretched, downscaled 8-bit grey picture of {@code frame}. */
    public static BufferedImage image(Frame frame, Options options) {
        Frame small = downscale(frame, options.maxSize());
        double[] range = Percentiles.of(small, options.lowPercentile(), options.highPercentile());
        double lo = range[0];
        double span = range[1] - range[0];
        double scale = span > 0 ? 255 / span : 0;
        BufferedImage img = new BufferedImage(small.width(), small.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] d = small.data();
        for (int i = 0; i < d.length; i++) {
            long v = Math.round((d[i] - lo) * scale);
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }

    /** Writes {@link #image(Frame, Options)} to {@code file} as PNG. */
    public static void writePng(Frame frame, Path file, Options options) throws IOException {
        write(image(frame, options), file);
    }

    /**
     * Writes the centred log power spectrum of {@code frame} to {@code file} as PNG: the power is averaged over the
     * downscaling blocks before the logarithm is taken, which smooths the speckle as periodogram averaging does.
     */
    public static void writePowerSpectrumPng(Frame frame, Path file, Options options) throws IOException {
        Frame power = PowerSpectrum.centred(Fft.forward(frame), false);
        Frame small = downscale(power, options.maxSize());
        float[] d = small.data();
        float floor = (float) Math.log(Float.MIN_NORMAL);
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] > Float.MIN_NORMAL ? (float) Math.log(d[i]) : floor;
        }
        write(image(small, new Options(0, options.lowPercentile(), options.highPercentile())), file);
    }

    /** {@code frame} binned by the smallest integer factor that fits it in {@code maxSize} (0: unchanged). */
    static Frame downscale(Frame frame, int maxSize) {
        int longest = Math.max(frame.width(), frame.height());
        if (maxSize == 0 || longest <= maxSize) {
            return frame;
        }
        int factor = (longest + maxSize - 1) / maxSize;
        return RealSpace.bin(frame, Math.min(factor, Math.min(frame.width(), frame.height())));
    }

    private static void write(BufferedImage img, Path file) throws IOException {
        // NB: open the stream ourselves: ImageIO prints and hides the reason when it cannot open a file
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime to write " + file);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write the PNG thumbnail " + file + ": its folder does not exist", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new IOException("cannot write the PNG thumbnail " + file + ": " + e, e);
        }
    }
}
