package org.scipionj.export.internal;

import java.util.Comparator;
import java.util.List;

import org.scipionj.api.item.Items;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;

/**
 * Which output set of a run an export means. With {@code output=NAME} that one (the short name,
 * {@code outputMicrographs}, or the full {@code 2.outputMicrographs}). Without it: the run's only output; or, for a
 * run with several, one with items before an empty one, then the most processed item type (particles, then coordinates, CTFs, micrographs, movies: motion
 * correction's micrographs rather than the movies it annotates), preferring the dose-weighted micrographs as
 * Scipion and RELION pass them on. Stateless.
 */
final class OutputChoice {

    /** Item types, least processed first. */
    private static final List<String> ORDER = Items.TYPES.stream().map(Class::getSimpleName).toList();

    private OutputChoice() {
    }

    /**
     * @param requested the {@code output=} value, or null
     * @throws ScipionException naming the run's outputs when there is none or the requested one is not there
     */
    static OutputInfo choose(RunInfo run, String requested) {
        List<OutputInfo> outputs = run.outputs();
        if (outputs.isEmpty()) {
            throw new ScipionException("run " + run.id() + " (" + run.className() + ") has no output set yet; "
                    + "export it once it has produced items ('scipion status' shows its outputs)");
        }
        if (requested != null) {
            for (OutputInfo o : outputs) {
                if (o.name().equals(requested) || o.name().equals(run.id() + "." + requested)) {
                    return o;
                }
            }
            throw new ScipionException("run " + run.id() + " has no output '" + requested + "'; its outputs: "
                    + names(outputs));
        }
        return outputs.stream().max(Comparator.comparing((OutputInfo o) -> o.size() > 0)
                .thenComparingInt(o -> ORDER.indexOf(o.itemType()))
                .thenComparing(o -> o.name().endsWith("DoseWeighted"))).orElseThrow();
    }

    static String names(List<OutputInfo> outputs) {
        return String.join(", ", outputs.stream().map(o -> o.name().substring(o.name().indexOf('.') + 1) + " ("
                + o.itemType() + ", " + o.size() + " items)").toList());
    }
}
