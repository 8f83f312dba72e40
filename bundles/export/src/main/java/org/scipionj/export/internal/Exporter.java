package org.scipionj.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.scipionj.api.item.Coordinate;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.item.Particle;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.stream.StreamingSet;

/**
 * Exports one run of an open project: its chosen output set ({@link OutputChoice}) as the RELION STAR file(s) of
 * its item type, or as JSON (with {@code output=}, that set; without, every output of the run). Stateless.
 */
final class Exporter {

    /** What to export. */
    enum Format { STAR, JSON }

    private Exporter() {
    }

    /**
     * @param out the export folder (STAR; JSON when it does not end in {@code .json}) or the JSON file
     * @param absolute STAR: name files by absolute paths instead of links in the folder
     * @throws ScipionException for a run, output or folder that cannot be exported, saying what to do
     */
    static Written export(Project project, long runId, Format format, Path out, String output, boolean absolute)
            throws IOException {
        RunInfo run = project.run(runId).orElseThrow(() -> new ScipionException("project " + project.name()
                + " has no run " + runId + "; 'scipion status name=" + project.name() + "' lists its runs"));
        if (format == Format.JSON) {
            List<OutputInfo> outputs = output == null ? run.outputs() : List.of(OutputChoice.choose(run, output));
            if (outputs.isEmpty()) {
                OutputChoice.choose(run, null); // NB: throws the "no output yet" message
            }
            Path file = out.toString().endsWith(".json") ? out
                    : out.resolve("run" + run.id() + (output == null ? "" : "_" + shortName(outputs.get(0)))
                    + ".json");
            return JsonExport.write(project, run, outputs, file);
        }
        OutputInfo chosen = OutputChoice.choose(run, output);
        StreamingSet<?> set = project.set(chosen.name()).orElseThrow(() -> new ScipionException(
                "output " + chosen.name() + " has no set in the project database"));
        if (set.size() == 0) {
            throw new ScipionException("output " + chosen.name() + " of run " + runId + " has no items yet; export "
                    + "it once the run has produced some");
        }
        ExportFolder folder = new ExportFolder(out, absolute);
        Lineage lineage = new Lineage(project, runId, chosen.name());
        return switch (chosen.itemType()) {
            case "Movie" -> MovieTable.write(SetItems.items(set, Movie.class), folder);
            case "Micrograph" -> MicrographTable.write(SetItems.items(set, Micrograph.class), lineage, folder);
            case "CtfModel" -> CtfTable.write(SetItems.items(set, CtfModel.class), lineage, folder);
            case "Coordinate" -> CoordinateTables.write(SetItems.items(set, Coordinate.class), lineage, folder);
            case "Particle" -> ParticleTable.write(SetItems.items(set, Particle.class), lineage, folder,
                    Boolean.TRUE.equals(run.params().get("doFlip")) || "true".equals(run.params().get("doFlip")));
            default -> throw new ScipionException("output " + chosen.name() + " holds " + chosen.itemType()
                    + " items, which have no RELION STAR table; use --format json");
        };
    }

    static String shortName(OutputInfo o) {
        return o.name().substring(o.name().indexOf('.') + 1);
    }
}
