package org.scipionj.api.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a protocol is, readable without running it: id, label, the Scipion class names it answers to,
 * its inputs, outputs and parameters.
 *
 * @param id stable id, e.g. {@code "import.movies"}
 * @param label human label
 * @param classNames Scipion class names this protocol answers to (first is the main one)
 * @param inputs input slots; a per-item protocol streams its first input
 * @param outputs output slots
 * @param params parameters
 */
public record ProtocolDescriptor(String id, String label, List<String> classNames, List<Slot> inputs,
                                 List<Slot> outputs, List<Param> params) {

    public ProtocolDescriptor {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** The parameter with this name. */
    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The input slot with this name. */
    public Optional<Slot> input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The output slot with this name. */
    public Optional<Slot> output(String name) {
        return outputs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Problems that make this descriptor unusable (empty when it is valid). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("no id");
        }
        if (classNames.isEmpty()) {
            problems.add("no Scipion class name");
        }
        if (outputs.isEmpty()) {
            problems.add("no output slot");
        }
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.name()));
        inputs.forEach(s -> names.add(s.name()));
        for (String n : names) {
            if (names.indexOf(n) != names.lastIndexOf(n)) {
                problems.add("name declared twice: " + n);
            }
        }
        for (Param p : params) {
            if (p.type() == ParamType.CHOICE && p.choices().isEmpty()) {
                problems.add("choice parameter " + p.name() + " has no choices");
            }
        }
        return problems.stream().distinct().toList();
    }
}
