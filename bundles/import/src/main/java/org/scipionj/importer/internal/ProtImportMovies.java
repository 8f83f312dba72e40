package org.scipionj.importer.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceProtocol;

/**
 * Scipion's {@code ProtImportMovies}: imports movie files from a folder, once or in streaming while the
 * microscope writes them. Parameter names are Scipion's, so real workflows load; the ones that mean nothing
 * here are accepted and ignored (see their help). Stateless; each run gets its own {@link FileImport}.
 */
@Component(service = Protocol.class)
public final class ProtImportMovies implements SourceProtocol {

    static final String OUTPUT = "outputMovies";

    private static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("import.movies", "Import movies",
            List.of("ProtImportMovies"), List.of(), List.of(Slot.of(OUTPUT, Movie.class)), params());

    private static List<Param> params() {
        List<Param> params = new ArrayList<>(ImportParams.common("movie"));
        params.addAll(List.of(
                Param.decimal("doseInitial", 0.0).min(0).label("Pre-exposure (e/Å²)"),
                Param.decimal("dosePerFrame", (Double) null).min(0).label("Dose per frame (e/Å²)"),
                Param.path("gainFile").label("Gain image"),
                Param.path("darkFile").label("Dark image"),
                Param.ignored("inputIndividualFrames", "each file is imported as one movie stack"),
                Param.ignored("numberOfIndividualFrames", "each file is imported as one movie stack"),
                Param.ignored("stackFrames", "each file is imported as one movie stack"),
                Param.ignored("writeMoviesInProject", "each file is imported as one movie stack"),
                Param.ignored("movieSuffix", "each file is imported as one movie stack"),
                Param.ignored("deleteFrames", "Scipion-J never deletes acquired data")));
        return params;
    }

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters p) {
        return ImportParams.validate(p);
    }

    @Override
    public Source open(RunContext run) throws Exception {
        Parameters p = run.parameters();
        ImportParams.requireFiles(p, "gainFile", "darkFile");
        return new FileImport(run, BlacklistRules.from(p), OUTPUT, ItemMaker.MOVIE);
    }
}
