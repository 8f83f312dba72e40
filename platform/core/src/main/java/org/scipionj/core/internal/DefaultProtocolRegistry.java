package org.scipionj.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.SourceProtocol;

/**
 * Tracks every {@link Protocol} service (the whiteboard): protocols appear and disappear with their bundles,
 * without a restart. A protocol with an invalid descriptor is kept in {@link #unavailable()} with its problems,
 * never dropped silently. Thread-safe.
 */
@Component(service = ProtocolRegistry.class)
public final class DefaultProtocolRegistry implements ProtocolRegistry {

    private final Map<Protocol, String> providers = new ConcurrentHashMap<>();
    private final Map<Protocol, String> invalid = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProtocol(Protocol protocol, ServiceReference<Protocol> ref) {
        add(protocol, provider(ref));
    }

    void removeProtocol(Protocol protocol) {
        remove(protocol);
    }

    /** Adds a protocol outside OSGi (tests, benchmarks). */
    public void add(Protocol protocol, String provider) {
        List<String> problems = problems(protocol);
        if (problems.isEmpty()) {
            providers.put(protocol, provider);
        } else {
            invalid.put(protocol, provider + ": " + String.join("; ", problems));
        }
    }

    public void remove(Protocol protocol) {
        providers.remove(protocol);
        invalid.remove(protocol);
    }

    private static List<String> problems(Protocol protocol) {
        List<String> problems = new ArrayList<>();
        try {
            ProtocolDescriptor d = protocol.descriptor();
            problems.addAll(d.problems());
            if (protocol instanceof org.scipionj.api.protocol.MonitorProtocol) {
                problems.remove("no output slot"); // NB: a monitor writes plots and reports, not sets
            }
            if (protocol instanceof ItemProtocol && d.inputs().isEmpty()) {
                problems.add("a per-item protocol needs at least one input");
            }
            if (!(protocol instanceof ItemProtocol) && !(protocol instanceof SourceProtocol)
                    && !(protocol instanceof org.scipionj.api.protocol.MonitorProtocol)) {
                problems.add("implements none of ItemProtocol, SourceProtocol and MonitorProtocol");
            }
        } catch (RuntimeException e) {
            problems.add("descriptor() failed: " + e);
        }
        return problems;
    }

    private static String provider(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "unknown" : b.getSymbolicName() + " " + b.getVersion();
    }

    @Override
    public List<Protocol> protocols() {
        List<Protocol> list = new ArrayList<>(providers.keySet());
        list.sort(Comparator.comparing(p -> p.descriptor().id()));
        return list;
    }

    @Override
    public Optional<Protocol> find(String classNameOrId) {
        for (Protocol p : protocols()) {
            ProtocolDescriptor d = p.descriptor();
            if (d.id().equals(classNameOrId) || d.classNames().contains(classNameOrId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, String> unavailable() {
        Map<String, String> out = new LinkedHashMap<>();
        invalid.forEach((p, why) -> {
            String id;
            try {
                id = p.descriptor().id();
            } catch (RuntimeException e) {
                id = p.getClass().getName();
            }
            out.put(id, why);
        });
        return out;
    }

    @Override
    public String providerOf(Protocol protocol) {
        return providers.getOrDefault(protocol, "unknown");
    }
}
