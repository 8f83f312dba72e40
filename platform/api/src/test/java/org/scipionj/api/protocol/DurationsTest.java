package org.scipionj.api.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsSecondsAndUnits() {
        assertEquals(Duration.ofSeconds(90), Durations.of(90));
        assertEquals(Duration.ofSeconds(72000), Durations.of(72000.0));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(12), Durations.parse("12h"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1.5h"));
        assertEquals(Duration.ofSeconds(45), Durations.parse(" 45 "));
    }

    @Test
    void rejectsGarbageNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("10x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Durations.of(-5));
        assertThrows(IllegalArgumentException.class, () -> Durations.of(true));
    }
}
