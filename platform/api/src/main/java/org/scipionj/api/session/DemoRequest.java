package org.scipionj.api.session;

import java.nio.file.Path;

/**
 * What a demo session should be: which workflow template, the simulated acquisition, and optional overrides of
 * the optics. Null fields take the defaults the {@link DemoService} documents. Immutable.
 *
 * <pre>{@code
 * DemoRequest r = DemoRequest.defaults().withName("demo1").withCount(3);
 * }</pre>
 *
 * @param name               project name, or null for {@code demo-yyyyMMdd-HHmmss}
 * @param template           a template of the distribution's {@code workflows/} folder without
 *                           {@code .json.template} ({@code demo}, {@code preprocessing}, ...), or null for
 *                           {@code demo}
 * @param dataFolder         where the simulated microscope writes, or null for {@code USER_DATA/demo-data/NAME}
 * @param preset             the acquisition preset ({@link DemoService#presets()}), or null for the default
 * @param count              movies to acquire (at least 1)
 * @param interval_s         seconds between the starts of two movies (0 or more)
 * @param samplingRate_Apx   pixel size in Å, or null for the preset's
 * @param dosePerFrame_ePerA2 dose per frame, or null for the preset's
 * @param voltage_kV         acceleration voltage, or null for 300 kV
 * @param port               web port of the server started when none runs, or null for the server's default
 */
public record DemoRequest(String name, String template, Path dataFolder, String preset, int count, double interval_s,
        Double samplingRate_Apx, Double dosePerFrame_ePerA2, Double voltage_kV, Integer port) {

    /** The default template. */
    public static final String DEFAULT_TEMPLATE = "demo";
    /** The default number of movies. */
    public static final int DEFAULT_COUNT = 10;
    /** The default seconds between movies. */
    public static final double DEFAULT_INTERVAL_S = 4;

    /** The demo as {@code scipion demo} runs it without options. */
    public static DemoRequest defaults() {
        return new DemoRequest(null, DEFAULT_TEMPLATE, null, null, DEFAULT_COUNT, DEFAULT_INTERVAL_S, null, null, null,
                null);
    }

    public DemoRequest withName(String value) {
        return new DemoRequest(value, template, dataFolder, preset, count, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withTemplate(String value) {
        return new DemoRequest(name, value, dataFolder, preset, count, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withDataFolder(Path value) {
        return new DemoRequest(name, template, value, preset, count, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withPreset(String value) {
        return new DemoRequest(name, template, dataFolder, value, count, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withCount(int value) {
        return new DemoRequest(name, template, dataFolder, preset, value, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withInterval(double seconds) {
        return new DemoRequest(name, template, dataFolder, preset, count, seconds, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, port);
    }

    public DemoRequest withOptics(Double samplingRate, Double dosePerFrame, Double voltage) {
        return new DemoRequest(name, template, dataFolder, preset, count, interval_s, samplingRate, dosePerFrame,
                voltage, port);
    }

    public DemoRequest withPort(Integer value) {
        return new DemoRequest(name, template, dataFolder, preset, count, interval_s, samplingRate_Apx,
                dosePerFrame_ePerA2, voltage_kV, value);
    }
}
