package org.scipionj.api.protocol;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of processing step, registered by a plugin as an OSGi service. Implement
 * {@link ItemProtocol} for the common per-item case, or {@link SourceProtocol} for a step that finds its
 * own input (an import). Register it as a Declarative Services component:
 *
 * <pre>{@code
 * @Component(service = Protocol.class)
 * public final class ProtEcho implements ItemProtocol { ... }
 * }</pre>
 */
@ConsumerType
public interface Protocol {

    /** What this protocol is; must not change over the service's lifetime. */
    ProtocolDescriptor descriptor();

    /**
     * Checks that go beyond each parameter's type and range (for example, two values that must agree).
     *
     * @return problems, each naming the parameter and what to do; empty when valid
     */
    default List<String> validate(Parameters parameters) {
        return List.of();
    }
}
