/**
 * Items: the immutable records that flow through streaming sets ({@link org.scipionj.api.item.Movie},
 * {@link org.scipionj.api.item.Micrograph}, {@link org.scipionj.api.item.CtfModel},
 * {@link org.scipionj.api.item.Coordinate}). Units are part of field names ({@code samplingRate_Apx}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.api.item;
