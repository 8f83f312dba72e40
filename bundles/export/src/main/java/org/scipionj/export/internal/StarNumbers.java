package org.scipionj.export.internal;

import java.util.Locale;

/** Number formats of the STAR files written (RELION writes six decimals). Stateless. */
final class StarNumbers {

    private StarNumbers() {
    }

    /** Six decimals, a dot as separator, whatever the default locale. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
