package org.scipionj.simulator;

/**
 * The CTF a movie was simulated with, in the CTFFIND4 convention (Rohou &amp; Grigorieff 2015): underfocus
 * positive; {@code defocusAngle_deg} is the angle from the +x axis (towards +y, y being the row index of the
 * image as stored, i.e. MRC's y) to the direction of {@code defocusU_A}; {@code defocusU_A >= defocusV_A}. The
 * B-factor is that of the envelope {@code exp(-B k²/4)} multiplied into the CTF (k in 1/Å).
 *
 * @param defocusU_A defocus along {@code defocusAngle_deg}, Å
 * @param defocusV_A defocus perpendicular to it, Å
 * @param defocusAngle_deg astigmatism angle, in [0, 180)
 * @param phaseShift_deg additional phase shift (phase plate); 0 without one
 * @param bFactor_A2 envelope B-factor, Å²
 */
public record CtfTruth(double defocusU_A, double defocusV_A, double defocusAngle_deg, double phaseShift_deg,
                       double bFactor_A2) {
}
