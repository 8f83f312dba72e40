/** An example Scipion-J plugin: power-spectrum statistics of micrographs. Private (nothing exported). */
package org.example.powerspectrum;
