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

/** Scipion's system monitor: CPU, memory, swap, disk and network I/O (from /proc) and GPUs (nvidia-smi). */
@Component(service = Protocol.class)
public final class ProtMonitorSystem implements MonitorProtocol {

    static final ProtocolDescriptor DESCRIPTOR = new ProtocolDescriptor("monitor.system", "System monitor", List.of("ProtMonitorSystem"), List.of(),
            List.of(), MonitorParams.concat(MonitorParams.common(), MonitorParams.system(), MonitorParams.alerts()));

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
        return new MonitorRun(run, EnumSet.of(Section.SYSTEM), Notifiers.of(run.parameters(), run.log()));
    }
}
