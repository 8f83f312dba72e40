package org.scipionj.simulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.scipionj.simulator.DatasetSummary;
import org.scipionj.simulator.MovieTruth;
import org.scipionj.simulator.OutputFormat;
import org.scipionj.simulator.Preset;

/**
 * Reads and writes the ground-truth files as JSON (Jackson): {@code NAME.truth.json} per movie and
 * {@code dataset.json}. Writes are atomic (temporary file, then rename), so a reader never sees half a file.
 * Presets and formats are written by their command-line ids. Thread-safe.
 */
public final class TruthFiles {

    /** The file name of the dataset summary in the output folder. */
    public static final String DATASET = "dataset.json";

    private final ObjectMapper mapper;

    public TruthFiles() {
        SimpleModule ids = new SimpleModule("scipionj-simulator-ids");
        ids.addSerializer(Preset.class, new JsonSerializer<>() {
            @Override
            public void serialize(Preset p, JsonGenerator g, SerializerProvider s) throws IOException {
                g.writeString(p.id());
            }
        });
        ids.addSerializer(OutputFormat.class, new JsonSerializer<>() {
            @Override
            public void serialize(OutputFormat f, JsonGenerator g, SerializerProvider s) throws IOException {
                g.writeString(f.id());
            }
        });
        ids.addDeserializer(Preset.class, new JsonDeserializer<>() {
            @Override
            public Preset deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return Preset.fromId(p.getValueAsString());
            }
        });
        ids.addDeserializer(OutputFormat.class, new JsonDeserializer<>() {
            @Override
            public OutputFormat deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return OutputFormat.fromId(p.getValueAsString());
            }
        });
        this.mapper = JsonMapper.builder()
                .addModule(ids)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // NB: only record components are data; helper methods such as isNone() are not properties.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        mapper.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public MovieTruth readMovie(Path file) throws IOException {
        return mapper.readValue(file.toFile(), MovieTruth.class);
    }

    public DatasetSummary readDataset(Path file) throws IOException {
        return mapper.readValue(file.toFile(), DatasetSummary.class);
    }

    /** The JSON text of {@code value}. */
    public String toJson(Object value) throws IOException {
        return mapper.writeValueAsString(value);
    }
}
