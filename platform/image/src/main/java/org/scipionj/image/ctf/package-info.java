/**
 * The physics of image formation shared by the simulator and the EM plugins: the relativistic electron wavelength
 * and interaction constant ({@link org.scipionj.image.ctf.ElectronOptics}) and the contrast transfer function in
 * the CTFFIND4 convention ({@link org.scipionj.image.ctf.Ctf}: underfocus positive, defocus U along the
 * astigmatism angle measured from +x towards +y, frequencies in 1/Å).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image.ctf;
