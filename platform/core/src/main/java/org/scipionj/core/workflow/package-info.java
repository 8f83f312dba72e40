/**
 * Scipion workflow templates ({@code .json.template}): reading their fields, filling them, and turning them into
 * workflow JSON. Used by the command line and the web form.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.core.workflow;
