package org.scipionj.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scipionj.api.item.Item;
import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.Project;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.project.ProtocolRegistry;
import org.scipionj.api.project.RunInfo;
import org.scipionj.api.project.ScipionException;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.Protocol;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.SourceProtocol;
import org.scipionj.api.stream.Entry;

/**
 * {@code scipion run PROTOCOL [param=value ...] --input GLOB --out DIR}: runs one per-item protocol on files,
 * without a project to set up. It takes the same path as a project: an import of the protocol's input type
 * feeds the protocol in a project created in {@code DIR}; then it writes one JSON summary per input file
 * ({@code DIR/NAME.json}: the input, its outputs with all their attributes, or the failure) and
 * {@code DIR/summary.json}.
 */
final class RunCommand {

    static final String USAGE = "run PROTOCOL [param=value ...] --input GLOB --out DIR";

    private final ProjectService projects;
    private final ProtocolRegistry registry;
    private final PrintStream out;

    RunCommand(ProjectService projects, ProtocolRegistry registry, PrintStream out) {
        this.projects = projects;
        this.registry = registry;
        this.out = out;
    }

    int run(String[] args) throws InterruptedException {
        String className = null;
        List<String> inputs = new ArrayList<>();
        String outDir = null;
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--input") || a.startsWith("--input=")) {
                if (a.startsWith("--input=")) {
                    inputs.add(a.substring(8));
                }
                while (i + 1 < args.length && !args[i + 1].startsWith("--") && !args[i + 1].contains("=")) {
                    inputs.add(args[++i]); // NB: an unquoted glob arrives expanded by the shell
                }
            } else if (a.equals("--out") && i + 1 < args.length) {
                outDir = args[++i];
            } else if (a.startsWith("--out=")) {
                outDir = a.substring(6);
            } else if (a.contains("=") && !a.startsWith("--")) {
                params.put(a.substring(0, a.indexOf('=')), TextValues.parse(a.substring(a.indexOf('=') + 1)));
            } else if (className == null && !a.startsWith("--")) {
                className = a;
            } else {
                throw new ScipionException("run: unexpected argument '" + a + "'; usage: " + USAGE);
            }
        }
        if (className == null || inputs.isEmpty() || outDir == null) {
            throw new ScipionException("run needs a protocol, --input and --out; usage: " + USAGE);
        }
        String name = className;
        Protocol protocol = registry.find(className).orElseThrow(() -> new ScipionException("unknown protocol '"
                + name + "'; installed: " + registry.protocols().stream().map(p -> p.descriptor().classNames().get(0))
                .toList()));
        if (!(protocol instanceof ItemProtocol)) {
            throw new ScipionException(className + " is not a per-item protocol; run works on steps that process "
                    + "items one by one");
        }
        Slot input = protocol.descriptor().inputs().get(0);
        SourceProtocol importer = importerOf(input);
        String importOutput = importer.descriptor().outputs().stream()
                .filter(s -> input.itemType().isAssignableFrom(s.itemType())).findFirst().orElseThrow().name();
        Map<String, Object> importParams = new LinkedHashMap<>();
        Map<String, Object> protocolParams = new LinkedHashMap<>();
        route(params, protocol.descriptor(), importer.descriptor(), protocolParams, importParams);
        FileSelection files = FileSelection.of(inputs);
        importParams.put("object.className", importer.descriptor().classNames().get(0));
        importParams.put("object.id", "1");
        importParams.put("filesPath", files.folder());
        importParams.put("filesPattern", files.pattern());
        importParams.put("dataStreaming", false);
        protocolParams.put("object.className", className);
        protocolParams.put("object.id", "2");
        protocolParams.put(input.name(), "1." + importOutput);
        String workflow = StatusReport.write(List.of(importParams, protocolParams));
        Path dir = Path.of(outDir).toAbsolutePath().normalize();
        try (Project p = projects.createAt(dir, workflow, "scipion run")) {
            p.schedule();
            ScipionCli.process(p, out);
            return summarize(p, dir, input.name(), "1." + importOutput);
        }
    }

    private SourceProtocol importerOf(Slot input) {
        for (Protocol p : registry.protocols()) {
            if (p instanceof SourceProtocol s && p.descriptor().param("filesPath").isPresent()
                    && p.descriptor().outputs().stream().anyMatch(o -> input.itemType().isAssignableFrom(o.itemType()))) {
                return s;
            }
        }
        throw new ScipionException("no installed import reads " + input.itemType().getSimpleName()
                + " files, which " + input.name() + " needs");
    }

    private static void route(Map<String, Object> given, ProtocolDescriptor protocol, ProtocolDescriptor importer,
                              Map<String, Object> protocolParams, Map<String, Object> importParams) {
        List<String> unknown = new ArrayList<>();
        given.forEach((k, v) -> {
            if (protocol.param(k).isPresent()) {
                protocolParams.put(k, v);
            } else if (importer.param(k).isPresent()) {
                importParams.put(k, v);
            } else {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ScipionException("unknown parameter" + (unknown.size() > 1 ? "s " : " ") + unknown + " for "
                    + protocol.classNames().get(0) + " (and its input's import " + importer.classNames().get(0)
                    + "); './scipion protocols --json' lists the parameters");
        }
    }

    private int summarize(Project p, Path dir, String inputSlot, String inputSet) {
        RunInfo run = p.run(2).orElseThrow();
        Map<Long, String> inputFiles = new LinkedHashMap<>();
        p.set(inputSet).ifPresent(set -> {
            for (Entry<?> e : set.read(0, Integer.MAX_VALUE)) {
                Object file = StatusReport.MAPPER.convertValue(e.item(), Map.class).get("file");
                inputFiles.put(e.item().groupId(), String.valueOf(file));
            }
        });
        Map<Long, Map<String, List<Item>>> outputs = new LinkedHashMap<>();
        for (OutputInfo o : run.outputs()) {
            String slot = o.name().substring(o.name().indexOf('.') + 1);
            p.set(o.name()).ifPresent(set -> set.read(0, Integer.MAX_VALUE).forEach(e -> outputs
                    .computeIfAbsent(e.item().groupId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(slot, k -> new ArrayList<>()).add(e.item())));
        }
        List<Object> all = new ArrayList<>();
        try {
            for (Map.Entry<Long, String> in : inputFiles.entrySet()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("input", in.getValue());
                Map<String, List<Item>> outs = outputs.get(in.getKey());
                one.put("status", outs == null ? "failed" : "done");
                one.put("outputs", outs == null ? Map.of() : outs);
                Path json = dir.resolve(stem(in.getValue()) + ".json");
                Files.writeString(json, StatusReport.write(one) + "\n", StandardCharsets.UTF_8);
                all.add(one);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("protocol", run.className());
            summary.put("status", run.status().label());
            summary.put("done", run.done());
            summary.put("failed", run.failed());
            summary.put("failures", p.failures(2, 1000).stream().map(f -> f.getValue()).toList());
            summary.put("importFailures", p.failures(1, 1000).stream().map(f -> f.getKey() + ": " + f.getValue()).toList());
            summary.put("items", all);
            Files.writeString(dir.resolve("summary.json"), StatusReport.write(summary) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScipionException("cannot write the summary into " + dir + ": " + e.getMessage(), e);
        }
        p.failures(1, 1000).forEach(f -> out.println("not imported: " + f.getKey() + ": " + f.getValue()));
        p.failures(2, 1000).forEach(f -> out.println("failed: " + f.getValue()));
        out.println(run.done() + " done, " + run.failed() + " failed; outputs in " + dir + " (summary.json, one JSON per input)");
        return run.done() > 0 || inputFiles.isEmpty() && run.failed() == 0 ? 0 : 1;
    }

    private static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
