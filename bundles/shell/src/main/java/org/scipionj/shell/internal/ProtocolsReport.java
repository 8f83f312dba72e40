package org.scipionj.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;

/** The installed protocols, and those that cannot be used with the reason. */
final class ProtocolsReport {

    private ProtocolsReport() {
    }

    static String text(ProtocolRegistry registry) {
        StringBuilder out = new StringBuilder();
        for (Protocol p : registry.protocols()) {
            ProtocolDescriptor d = p.descriptor();
            out.append(String.format("%-20s %-28s %s  [%s]%n", d.id(), String.join(",", d.classNames()), d.label(),
                    registry.providerOf(p)));
        }
        registry.unavailable().forEach((id, why) -> out.append(String.format("%-20s UNAVAILABLE: %s%n", id, why)));
        return out.toString();
    }

    static String json(ProtocolRegistry registry) {
        List<Object> list = new ArrayList<>();
        for (Protocol p : registry.protocols()) {
            ProtocolDescriptor d = p.descriptor();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("label", d.label());
            m.put("classNames", d.classNames());
            m.put("bundle", registry.providerOf(p));
            m.put("inputs", d.inputs().stream().map(s -> s.name() + ":" + s.itemType().getSimpleName()).toList());
            m.put("outputs", d.outputs().stream().map(s -> s.name() + ":" + s.itemType().getSimpleName()).toList());
            m.put("params", d.params().stream().map(pa -> pa.name()).toList());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("protocols", list);
        root.put("unavailable", registry.unavailable());
        return StatusReport.write(root) + "\n";
    }
}
