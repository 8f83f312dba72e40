/**
 * Scipion-J API: project types. See the module README and DESIGN.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.scipionj.api.project;
