package org.scipionj.importer.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceProtocol;

/**
 * Scipion's {@code ProtImportMicrographs}: imports single-image MRC or TIFF files (already aligned micrographs)
 * from a folder, once or in streaming, with the same file, acquisition and blacklist parameters as the movie
 * import. Stateless.
 */
@Component(service = Protocol.class)
public final class ProtImportMicrographs implements SourceProtocol {

    static final String OUTPUT = "outputMicrographs";

    private static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("import.micrographs",
            "Import micrographs", List.of("ProtImportMicrographs"), List.of(),
            List.of(Slot.of(OUTPUT, Micrograph.class)), ImportParams.common("micrograph"));

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
        return new FileImport(run, BlacklistRules.from(run.parameters()), OUTPUT, ItemMaker.MICROGRAPH);
    }
}
