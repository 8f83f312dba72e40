/**
 * Scipion-J API: starting sessions. {@link org.scipionj.api.session.DemoService} starts the demo (a simulated
 * acquisition processed in streaming by a project made from a workflow template) for the {@code scipion demo}
 * command and the web wizard alike.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.scipionj.api.session;
