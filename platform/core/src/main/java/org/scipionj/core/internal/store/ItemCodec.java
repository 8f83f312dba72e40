package org.scipionj.core.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Items;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Turns items into the JSON stored in the project database and back. Thread-safe. */
public final class ItemCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    public String encode(Item item) {
        try {
            return mapper.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store item " + item + ": " + e.getOriginalMessage(), e);
        }
    }

    public <T extends Item> T decode(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName() + " row in project database: " + json, e);
        }
    }

    /** The class for a stored type name; fails naming the type when this API version does not know it. */
    public Class<? extends Item> type(String simpleName) {
        Class<? extends Item> type = Items.typeNamed(simpleName);
        if (type == null) {
            throw new IllegalStateException("unknown item type '" + simpleName + "' in project database; "
                    + "a newer Scipion-J wrote this project");
        }
        return type;
    }

    /** JSON for plain values (parameters, bindings). */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt JSON in project database: " + json, e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
