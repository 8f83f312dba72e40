/**
 * The acquisition simulator's API: presets, options and the ground-truth records written beside each movie.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.simulator;
