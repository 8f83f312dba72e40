/**
 * Scipion-J API: stream types. See the module README and DESIGN.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.api.stream;
