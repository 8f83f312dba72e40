package org.scipionj.simulator;

import java.util.List;

/**
 * The particles in a movie: their centres (frame-0 coordinates, see {@link Particle}) and their common diameter.
 * Particles do not overlap (centres at least 1.05 diameters apart) and stay at least a radius plus the largest
 * motion away from the borders.
 *
 * @param count number of particles placed (it can be lower than asked when they did not fit)
 * @param diameter_A diameter, Å
 * @param diameter_px diameter, pixels
 * @param centres one entry per particle
 */
public record ParticleTruth(int count, double diameter_A, double diameter_px, List<Particle> centres) {

    public ParticleTruth {
        centres = List.copyOf(centres);
    }
}
