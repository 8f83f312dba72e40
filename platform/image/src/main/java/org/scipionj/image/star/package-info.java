/**
 * RELION STAR files (the STAR/CIF subset RELION, cryoSPARC and starfile use): data blocks holding key-value
 * pairs or {@code loop_} tables. {@link org.scipionj.image.star.StarFile#read} and
 * {@link org.scipionj.image.star.StarFile#write}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.image.star;
