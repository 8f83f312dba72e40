package org.scipionj.monitor.internal;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.scipionj.api.protocol.Monitor;
import org.scipionj.api.protocol.MonitorProtocol;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;

/** Scipion's summary monitor: CTF, system and movie-gain monitors, runs, drift, keep-up forecast, alerts and the report in {@code extra/report}. */
@Component(service = Protocol.class)
public final class ProtMonitorSummary implements MonitorProtocol {

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("monitor.summary", "Summary monitor", List.of("ProtMonitorSummary"), List.of(),
            List.of(), MonitorParams.concat(MonitorParams.common(), MonitorParams.ctf(), MonitorParams.system(), MonitorParams.gain(), MonitorParams.alerts()));

    @Override
    public ProtocolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> validate(Parameters parameters) {
        return MonitorRun.validate(parameters);
    }

    @Override
    public Monitor open(RunContext run) {
        return new MonitorRun(run, EnumSet.of(Section.RUNS, Section.CTF, Section.DRIFT, Section.SYSTEM, Section.GAIN, Section.MICROGRAPHS), Notifiers.of(run.parameters(), run.log()));
    }
}
