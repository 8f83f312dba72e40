package org.scipionj.eman.internal;

import java.util.List;

import org.scipionj.image.Frame;

/** Finds particles on a micrograph. Implementations are thread-safe. */
@FunctionalInterface
public interface Picker {

    /** The picks on {@code micrograph} (not changed), best score first. */
    List<Pick> pick(Frame micrograph);
}
