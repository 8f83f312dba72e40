package org.scipionj.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


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
        // NB: 'shell -c CMD' runs one command (on the server when one runs) instead of the console
        assertFalse(Invocation.parse("shell", "-c", "scipion:runs demo").isShell());
        assertEquals("scipion:runs demo", Invocation.parse("shell", "-c", "scipion:runs demo").shellCommand());
        assertEquals(null, Invocation.parse("shell").shellCommand());
        assertEquals(null, Invocation.parse("status", "-c", "x").shellCommand());
    }


    @Test
    void serverHostAndPortAreTakenOutOfTheCliArguments() {
        Invocation i = Invocation.parse("server", "--port", "0", "--host=0.0.0.0");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new String[] {"server"}, i.args());
        org.junit.jupiter.api.Assertions.assertEquals("0", i.port());
        org.junit.jupiter.api.Assertions.assertEquals("0.0.0.0", i.host());
        org.junit.jupiter.api.Assertions.assertTrue(i.isServing());
        org.junit.jupiter.api.Assertions.assertFalse(Invocation.parse("server", "--status").isServing());
        org.junit.jupiter.api.Assertions.assertFalse(Invocation.parse("status", "name=x").isServing());
    }
}
