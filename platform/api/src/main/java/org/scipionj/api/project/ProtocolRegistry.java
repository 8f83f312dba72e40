package org.scipionj.api.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.scipionj.api.protocol.Protocol;

/**
 * The protocols currently offered by installed bundles. Protocols come and go with their bundles, so
 * answers are snapshots. Thread-safe.
 */
@ProviderType
public interface ProtocolRegistry {

    /** Usable protocols, sorted by id. */
    List<Protocol> protocols();

    /** The protocol answering to a Scipion class name (or its own id). */
    Optional<Protocol> find(String classNameOrId);

    /** Protocols that were registered but cannot be used, with the reason (e.g. an invalid descriptor). */
    Map<String, String> unavailable();

    /** The symbolic name and version of the bundle that provides a protocol, e.g. {@code "org.x.y 1.0.0"}. */
    String providerOf(Protocol protocol);
}
