package org.scipionj.api.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Static helpers for item types. */
public final class Items {

    /** Every item type known to this API version, by its simple name (as stored in projects). */
    public static final List<Class<? extends Item>> TYPES =
            List.of(Movie.class, Micrograph.class, CtfModel.class, Coordinate.class, Particle.class);

    private Items() {
    }

    /** The item class with the given simple name, or null. */
    public static Class<? extends Item> typeNamed(String simpleName) {
        for (Class<? extends Item> type : TYPES) {
            if (type.getSimpleName().equals(simpleName)) {
                return type;
            }
        }
        return null;
    }

    /** An unmodifiable copy of {@code attributes}, null values dropped; null gives an empty map. */
    public static Map<String, Object> freeze(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code base} plus one attribute. */
    public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return freeze(copy);
    }
}
