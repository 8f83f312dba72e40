package org.scipionj.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.scipionj.api.project.ScipionException;

/** The export command's arguments in every accepted spelling, and the messages for wrong ones. */
class ExportArgsTest {

    @Test
    void spellings() {
        ExportArgs a = ExportArgs.parse(new String[] {"name=s42", "run=6", "--out", "relion"});
        assertEquals("s42", a.project());
        assertEquals(6, a.run());
        assertEquals(Exporter.Format.STAR, a.format(), "STAR by default");
        assertEquals(Path.of("relion").toAbsolutePath(), a.out());
        assertNull(a.output());
        assertFalse(a.absolute());
        ExportArgs b = ExportArgs.parse(new String[] {"name=s42", "run=3", "--format=JSON", "out=/tmp/x.json",
            "output=outputMovies", "--absolute"});
        assertEquals(Exporter.Format.JSON, b.format());
        assertEquals(Path.of("/tmp/x.json"), b.out());
        assertEquals("outputMovies", b.output());
        assertTrue(b.absolute());
        assertEquals(Exporter.Format.JSON, ExportArgs.parse(new String[] {"name=a", "run=1", "--format", "json",
            "--out=o"}).format());
    }

    @Test
    void wrongArguments() {
        assertTrue(message("name=a", "run=x", "--out", "o").contains("run must be a run id (a whole number), not 'x'"));
        assertTrue(message("name=a", "run=1", "--out").contains("--out needs a value"));
        assertTrue(message("name=a", "run=1", "--out", "o", "--format", "mrc").contains("star or json, not 'mrc'"));
        assertTrue(message("run=1", "--out", "o").contains("export needs name=, run= and --out; usage: export "));
        assertTrue(message("name=a", "run=1", "--out", "o", "--colour").contains("unknown argument '--colour'"));
    }

    private static String message(String... args) {
        return assertThrows(ScipionException.class, () -> ExportArgs.parse(args)).getMessage();
    }
}
