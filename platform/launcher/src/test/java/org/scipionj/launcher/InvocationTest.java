package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class InvocationTest {

    @Test
    void noArgumentsMeansHelp() {
        assertArrayEquals(new String[] {"help"}, Invocation.parse().args());
    }

    @Test
    void helpOptionsMeanHelp() {
        assertEquals("help", Invocation.parse("--help").command());
        assertArrayEquals(new String[] {"help", "status"}, Invocation.parse("-h", "status").args());
    }

    @Test
    void argumentsArePassedOnUnchanged() {
        String[] argv = {"create-project", "name=p1", "workflow=w.json", "--help"};
        assertArrayEquals(argv, Invocation.parse(argv).args());
    }

    @Test
    void shellIsRecognized() {
        assertTrue(Invocation.parse("shell").isShell());
        assertFalse(Invocation.parse("status").isShell());
    }

    @Test
    void scheduleProjectStartsABackgroundRuntimeUnlessForeground() {
        assertTrue(Invocation.parse("schedule-project", "name=p1").startsBackgroundRuntime());
        assertFalse(Invocation.parse("schedule-project", "name=p1", "--foreground").startsBackgroundRuntime());
        assertFalse(Invocation.parse("--foreground", "schedule-project").startsBackgroundRuntime());
        assertFalse(Invocation.parse("create-project", "name=p1").startsBackgroundRuntime());
        assertFalse(Invocation.parse("runtime", "name=p1").startsBackgroundRuntime());
    }

    @Test
    void projectNameInEveryForm() {
        assertEquals(Optional.of("p1"), Invocation.parse("schedule-project", "name=p1").projectName());
        assertEquals(Optional.of("p1"), Invocation.parse("schedule-project", "project=p1").projectName());
        assertEquals(Optional.of("p1"), Invocation.parse("schedule-project", "--name=p1").projectName());
        assertEquals(Optional.of("p1"), Invocation.parse("schedule-project", "--name", "p1").projectName());
        assertEquals(Optional.of("p1"), Invocation.parse("schedule-project", "--foreground", "p1").projectName());
    }

    @Test
    void namedProjectWinsOverPositional() {
        assertEquals(Optional.of("p2"),
                Invocation.parse("schedule-project", "workflow.json", "name=p2").projectName());
    }

    @Test
    void noProjectName() {
        assertEquals(Optional.empty(), Invocation.parse("schedule-project").projectName());
        assertEquals(Optional.empty(), Invocation.parse("schedule-project", "--foreground", "x=y").projectName());
        assertEquals(Optional.empty(), Invocation.parse("schedule-project", "name=").projectName());
    }

    @Test
    void runtimeArguments() {
        assertArrayEquals(new String[] {"runtime", "name=p1"}, Invocation.runtimeArgs("p1"));
    }
}
