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

/** Scipion's CTF monitor: defocus, astigmatism and resolution of the watched CTF runs, with alerts and a report. */
@Component(service = Protocol.class)
public final class ProtMonitorCTF implements MonitorProtocol {

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("monitor.ctf", "CTF monitor", List.of("ProtMonitorCTF"), List.of(),
            List.of(), MonitorParams.concat(MonitorParams.common(), MonitorParams.ctf(), MonitorParams.alerts(), List.of(Param.runs("inputProtocol"))));

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
        return new MonitorRun(run, EnumSet.of(Section.CTF), Notifiers.of(run.parameters(), run.log()));
    }
}
