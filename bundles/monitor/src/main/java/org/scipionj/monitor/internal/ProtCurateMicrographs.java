package org.scipionj.monitor.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.item.CtfModel;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;

/**
 * Micrograph curation in streaming: each micrograph, joined with its CTF ({@code inputCTF}, through
 * {@code ItemContext.related}), goes to {@code outputMicrographs} when it passes every threshold and to
 * {@code outputMicrographsRejected} otherwise, with the broken rules as the attributes {@code rejectCodes} and
 * {@code rejectReason}. Both carry the CTF values ({@code ctfDefocusU_A}, {@code ctfResolution_A}, …) so that
 * downstream runs and the report see them. Downstream picking reads {@code outputMicrographs} only.
 */
@Component(service = Protocol.class)
public final class ProtCurateMicrographs implements ItemProtocol {

    static final String INPUT = "inputMicrographs";
    static final String CTF = "inputCTF";
    static final String ACCEPTED = "outputMicrographs";
    static final String REJECTED = "outputMicrographsRejected";

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor(MonitorRun.CURATION_ID,
            "Curate micrographs (CTF and drift thresholds)", List.of("ProtCurateMicrographs"),
            List.of(Slot.of(INPUT, Micrograph.class), new Slot(CTF, CtfModel.class, true)),
            List.of(Slot.of(ACCEPTED, Micrograph.class), Slot.of(REJECTED, Micrograph.class)), List.of(
            Param.decimal("maxResolution", 8.0).min(0).label("Worst CTF fit resolution (Å)")
                    .help("reject when the CTF fit resolution is larger; 0 disables"),
            Param.decimal("minDefocus", 1000.0).min(0).label("Minimum defocus (Å)"),
            Param.decimal("maxDefocus", 40000.0).min(0).label("Maximum defocus (Å)"),
            Param.decimal("astigmatism", 1000.0).min(0).label("Maximum astigmatism |U - V| (Å)"),
            Param.decimal("maxDrift", 0.0).min(0).label("Maximum total drift (Å)").help("0 disables"),
            Param.decimal("maxEarlyDrift", 0.0).min(0).label("Maximum early drift (Å)").help("0 disables"),
            Param.integer("earlyFrames", (long) Drift.EARLY_FRAMES).range(1, 1000).label("Early frames"),
            Param.bool("requireCtf", true).label("Reject micrographs without a CTF?")));

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    static Curation rules(Parameters p) {
        return new Curation(p.decimal("maxResolution"), p.decimal("minDefocus"), p.decimal("maxDefocus"),
                p.decimal("astigmatism"), p.decimal("maxDrift"), p.decimal("maxEarlyDrift"),
                (int) p.integer("earlyFrames"), p.bool("requireCtf"));
    }

    @Override
    public ItemProcessor open(RunContext run) {
        Curation rules = rules(run.parameters());
        return (ctx, input) -> {
            Micrograph m = (Micrograph) input;
            CtfModel ctf = null;
            try {
                for (Item i : ctx.related(CTF, m.id())) {
                    if (i instanceof CtfModel c) {
                        ctf = c;
                    }
                }
            } catch (IllegalArgumentException e) {
                ctf = null; // NB: inputCTF not set for this run: curate by drift alone
            }
            Curation.Verdict v = rules.judge(m, ctf);
            Map<String, Object> attrs = new LinkedHashMap<>(m.attributes());
            if (ctf != null) {
                attrs.put("ctfDefocusU_A", ctf.defocusU_A());
                attrs.put("ctfDefocusV_A", ctf.defocusV_A());
                attrs.put("ctfDefocusAngle_deg", ctf.defocusAngle_deg());
                attrs.put("ctfResolution_A", ctf.resolution_A());
                attrs.put("ctfFitQuality", ctf.fitQuality());
            }
            if (!v.accepted()) {
                attrs.put(Curation.CODES, v.codes());
                attrs.put(Curation.REASON, v.reason());
                ctx.log("rejected: " + v.reason());
            }
            Micrograph out = new Micrograph(m.id(), m.file(), m.width_px(), m.height_px(), m.samplingRate_Apx(),
                    m.acquisition(), m.movieFile(), attrs);
            return ItemResult.done(v.accepted() ? ACCEPTED : REJECTED, out);
        };
    }
}
