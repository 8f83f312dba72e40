/**
 * installp / uninstallp: plugin repositories (index.json + bundle jars in a folder or behind an HTTP(S) URL),
 * the installed-plugins folder of a user-data folder, trial resolution and live deployment. Private.
 */
package org.scipionj.repository.internal;
