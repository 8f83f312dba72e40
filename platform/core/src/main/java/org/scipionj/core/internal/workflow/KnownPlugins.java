package org.scipionj.core.internal.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which plugin provides a Scipion protocol class, by its name, so an error can say what to install: Scipion-J's
 * own plugins, or the Scipion package that has it when Scipion-J has none.
 */
final class KnownPlugins {

    private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("ProtMotionCorr", "Scipion-J plugin motioncorr (./scipion installp -p motioncorr)");
        BY_PREFIX.put("ProtMovieAlignment", "Scipion-J plugin motioncorr (./scipion installp -p motioncorr)");
        BY_PREFIX.put("CistemProtCTFFind", "Scipion-J plugin ctffind (./scipion installp -p ctffind)");
        BY_PREFIX.put("ProtCTFFind", "Scipion-J plugin ctffind (./scipion installp -p ctffind)");
        BY_PREFIX.put("EmanProt", "Scipion-J plugin eman (./scipion installp -p eman)");
        BY_PREFIX.put("XmippProtExtractParticles", "Scipion-J plugin eman (./scipion installp -p eman)");
        BY_PREFIX.put("ProtMonitor", "Scipion-J monitors");
        BY_PREFIX.put("ProtGctf", "Scipion's gctf package (not in Scipion-J)");
        BY_PREFIX.put("ProtRelion", "Scipion's relion package (not in Scipion-J)");
        BY_PREFIX.put("Xmipp", "Scipion's xmipp package (not in Scipion-J)");
        BY_PREFIX.put("SphireProt", "Scipion's sphire (crYOLO) package (not in Scipion-J)");
        BY_PREFIX.put("ProtCryo2D", "Scipion's cryosparc package (not in Scipion-J)");
        BY_PREFIX.put("ProtCryoSparc", "Scipion's cryosparc package (not in Scipion-J)");
        BY_PREFIX.put("ProtUserSubSet", "Scipion's GUI (not in Scipion-J)");
    }

    private KnownPlugins() {
    }

    /** Who provides {@code className}, or null when unknown. */
    static String providerOf(String className) {
        for (Map.Entry<String, String> e : BY_PREFIX.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
