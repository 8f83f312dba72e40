package org.scipionj.slurm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HostsConfigTest {

    /** Scipion's own hosts.conf style: tabs, a multi-line template with #SBATCH lines, QUEUES over several lines. */
    private static final String SCIPION_STYLE = """
            [localhost]
            PARALLEL_COMMAND = mpirun -np %_(JOB_NODES)d %_(COMMAND)s
            SUBMIT_COMMAND = sbatch %_(JOB_SCRIPT)s
            SUBMIT_TEMPLATE = #!/bin/bash
            \t#SBATCH -J %_(JOB_NAME)s
            \t#SBATCH -o %_(JOB_LOGS)s.out
            \t#SBATCH --time=%_(JOB_TIME)s:00:00 --cpus-per-task=%_(JOB_THREADS)d
            \t%_(JOB_COMMAND)s
            QUEUES = {
            \t"myslurmqueue": [
            \t\t["JOB_MEMORY", "8192", "Memory (MB)", "Select amount of memory"],
            \t\t["JOB_TIME", "120", "Time (hours)", "Select the time expected"]
            \t]
            \t}
            QUEUES_DEFAULT = {"JOB_GPUS": "0" }
            ; a comment
            [cluster2]
            SUBMIT_TEMPLATE = x
            QUEUES = {"a": [], "b": [["X", "1"]]}
            DEFAULT_QUEUE = b
            """;

    @Test
    void readsAScipionHostsConf() {
        HostsConfig c = HostsConfig.parse(SCIPION_STYLE, "test", null);
        assertEquals("localhost", c.host());
        assertEquals("""
                #!/bin/bash
                #SBATCH -J %_(JOB_NAME)s
                #SBATCH -o %_(JOB_LOGS)s.out
                #SBATCH --time=%_(JOB_TIME)s:00:00 --cpus-per-task=%_(JOB_THREADS)d
                %_(JOB_COMMAND)s""", c.get("SUBMIT_TEMPLATE", null));
        assertEquals("myslurmqueue", c.defaultQueue());
        assertEquals(Map.of("JOB_GPUS", "0", "JOB_MEMORY", "8192", "JOB_TIME", "120"), c.parameters("myslurmqueue"));
        HostsConfig other = HostsConfig.parse(SCIPION_STYLE, "test", "cluster2");
        assertEquals("b", other.defaultQueue());
        assertEquals(List.of("a", "b"), other.queueNames());
    }

    @Test
    void problemsNameWhereAndWhat() {
        HostsConfig c = HostsConfig.parse(SCIPION_STYLE, "hosts.conf", null);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> c.parameters("gpu"));
        assertTrue(unknown.getMessage().contains("queue 'gpu' is not in hosts.conf [localhost]")
                && unknown.getMessage().contains("[myslurmqueue]"), unknown.getMessage());
        IllegalArgumentException section = assertThrows(IllegalArgumentException.class,
                () -> HostsConfig.parse(SCIPION_STYLE, "hosts.conf", "nowhere"));
        assertTrue(section.getMessage().contains("no section [nowhere]"), section.getMessage());
        IllegalArgumentException line = assertThrows(IllegalArgumentException.class,
                () -> HostsConfig.parse("[h]\nSUBMIT_TEMPLATE = x\njust words\n", "hosts.conf", null));
        assertTrue(line.getMessage().contains("hosts.conf line 3"), line.getMessage());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> HostsConfig.parse("[h]\nSUBMIT_TEMPLATE = x\nQUEUES = {\"q\": [\"JOB_MEMORY\"]}\n", "f", null));
        assertTrue(json.getMessage().contains("queue 'q' has a parameter that is not [NAME, default, ...]"), json.getMessage());
    }

    @Test
    void theBuiltInExampleFillsToAValidBatchScript() {
        SlurmExecutor executor = new SlurmExecutor(null, null, new Commands(java.time.Duration.ofSeconds(5)));
        HostsConfig c = executor.config();
        assertEquals("debug", executor.defaultQueue());
        Map<String, String> values = new java.util.HashMap<>(executor.queueParameters("short"));
        values.putAll(Map.of("JOB_NAME", "scipion-p-r3-b1", "JOB_QUEUE", "short", "JOB_THREADS", "2", "JOB_NODES", "1",
                "JOB_LOGS", "/p/Runs/b1/job", "JOB_WORKDIR", "/p/Runs/b1",
                "JOB_COMMAND", Placeholders.shellQuote("/opt/java") + " " + Placeholders.shellQuote("a b")));
        String script = Placeholders.fill(c.get("SUBMIT_TEMPLATE", ""), values, "built-in");
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        assertTrue(script.contains("#SBATCH --partition=short\n"), script);
        assertTrue(script.contains("--cpus-per-task=2 --mem=1024\n#SBATCH --time=10\n#SBATCH --gres=gpu:0\n"), script);
        assertTrue(script.endsWith("/opt/java 'a b'"), script);
    }

    @Test
    void placeholdersTellWhatIsMissing() {
        assertEquals("50% of 4 on x", Placeholders.fill("50%% of %_(N)d on %_(H)s", Map.of("N", "4.0", "H", "x"), "t"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.fill("%_(JOB_MEMORY)s %_(GPU)s", Map.of("JOB_TIME", "1"), "hosts.conf SUBMIT_TEMPLATE"));
        assertTrue(e.getMessage().startsWith("hosts.conf SUBMIT_TEMPLATE uses [JOB_MEMORY, GPU] which have no value"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Placeholders.fill("%_(N)d", Map.of("N", "many"), "t"));
        assertEquals("'it'\\''s'", Placeholders.shellQuote("it's"));
        assertEquals("/a/b.json", Placeholders.shellQuote("/a/b.json"));
    }

    @Test
    void slurmStatesMapToTheExecutorsStates() {
        assertEquals(org.scipionj.api.executor.JobStatus.State.QUEUED, SlurmStates.of("PENDING"));
        assertEquals(org.scipionj.api.executor.JobStatus.State.RUNNING, SlurmStates.of("COMPLETING"));
        assertEquals(org.scipionj.api.executor.JobStatus.State.COMPLETED, SlurmStates.of("COMPLETED"));
        for (String s : List.of("CANCELLED by 0", "TIMEOUT", "FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED")) {
            assertEquals(org.scipionj.api.executor.JobStatus.State.FAILED, SlurmStates.of(s), s);
        }
    }

    @Test
    void readsAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts.conf");
        java.nio.file.Files.writeString(file, SCIPION_STYLE);
        assertEquals("myslurmqueue", new SlurmExecutor(file, null, new Commands(java.time.Duration.ofSeconds(5)))
                .defaultQueue());
    }
}
