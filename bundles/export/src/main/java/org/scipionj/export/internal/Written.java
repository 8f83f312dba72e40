package org.scipionj.export.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What one export wrote.
 *
 * @param main the file to give RELION or cryoSPARC (the table, or the index of per-micrograph files)
 * @param rows rows of its data table
 * @param files every file written, the main one included
 * @param notes what the user should know (rows left out and why)
 */
record Written(Path main, int rows, List<Path> files, List<String> notes) {
}
