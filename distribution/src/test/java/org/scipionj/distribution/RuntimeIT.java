package org.scipionj.distribution;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The distribution's runtime comes up whole: every bundle active, every Scipion-J component satisfied. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SCIPIONJ = "org.scipionj";

    @Inject
    BundleContext context;

    @Inject
    ServiceComponentRuntime scr;

    @Configuration
    public Option[] config() {
        return ScipionRuntime.options();
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() throws InterruptedException {
        Await.until(context, TIMEOUT, "bundles of " + ScipionRuntime.distribution().resolve("bundle")
                + " that are not ACTIVE (fragments: RESOLVED)", this::inactiveDistributionBundles);
    }

    @Test
    public void everyScipionComponentIsSatisfied() throws InterruptedException {
        assertFalse("no " + SCIPIONJ + ".* bundle in the runtime", scipionBundles().isEmpty());
        Await.until(context, TIMEOUT, "Scipion-J components that are not satisfied", this::unsatisfiedComponents);
    }

    @Test
    public void theCommandLineServiceIsRegistered() throws InvalidSyntaxException, InterruptedException {
        // The contract with the launcher: a Function<String[], Integer> with scipion.cli=true.
        String filter = "(scipion.cli=true)";
        Await.until(context, TIMEOUT, "no " + Function.class.getName() + " service with " + filter,
                () -> serviceCount(filter) > 0 ? List.of() : List.of("registered by the scipionj-shell bundle"));
        assertNotNull(context.getServiceReferences(Function.class, filter));
    }

    private int serviceCount(String filter) {
        try {
            return context.getServiceReferences(Function.class, filter).size();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> inactiveDistributionBundles() {
        Map<String, Bundle> installed = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null)
                .collect(Collectors.toMap(Bundle::getSymbolicName, b -> b, (a, b) -> a));
        List<String> problems = new ArrayList<>();
        for (Path jar : ScipionRuntime.bundleJars()) {
            String name = ScipionRuntime.symbolicName(jar);
            Bundle bundle = name == null ? null : installed.get(name);
            if (bundle == null) {
                problems.add(jar.getFileName() + ": not installed" + (name == null ? " (no Bundle-SymbolicName)" : ""));
                continue;
            }
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(name + " " + bundle.getVersion() + ": " + state(bundle.getState()));
            }
        }
        return problems;
    }

    private List<Bundle> scipionBundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith(SCIPIONJ))
                .toList();
    }

    private List<String> unsatisfiedComponents() {
        List<String> problems = new ArrayList<>();
        Bundle[] bundles = scipionBundles().toArray(new Bundle[0]);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundles)) {
            String component = description.bundle.symbolicName + "/" + description.name;
            if (!scr.isComponentEnabled(description)) {
                if (description.defaultEnabled) {
                    problems.add(component + ": disabled");
                }
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(component + ": no configuration");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state != ComponentConfigurationDTO.SATISFIED
                        && configuration.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(component + ": " + describe(description, configuration));
                }
            }
        }
        return problems;
    }

    private static String describe(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        StringBuilder text = new StringBuilder(componentState(configuration.state));
        for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
            String type = Arrays.stream(description.references).filter(r -> r.name.equals(unsatisfied.name))
                    .map((ReferenceDTO r) -> r.interfaceName).findFirst().orElse("?");
            text.append("; missing reference ").append(unsatisfied.name).append(" (").append(type)
                    .append(unsatisfied.target != null ? " " + unsatisfied.target : "").append(')');
        }
        if (configuration.failure != null) {
            text.append("; failure: ").append(configuration.failure.lines().findFirst().orElse(""));
        }
        return text.toString();
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }
}
