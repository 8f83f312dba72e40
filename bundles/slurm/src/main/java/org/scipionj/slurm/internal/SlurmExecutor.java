package org.scipionj.slurm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.scipionj.api.executor.ClusterExecutor;
import org.scipionj.api.executor.JobSpec;
import org.scipionj.api.executor.JobStatus;

/**
 * The SLURM executor: submits with the hosts configuration's {@code SUBMIT_COMMAND} (default
 * {@code sbatch --parsable %_(JOB_SCRIPT)s}) a script made from its {@code SUBMIT_TEMPLATE}; follows jobs with
 * {@code squeue}, and for ended jobs takes SLURM's state, exit code and reason from {@code sacct} (or
 * {@code scontrol show job} where accounting is disabled); cancels with {@code CANCEL_COMMAND} (default
 * {@code scancel}). The configuration is {@code -Dscipion.hosts.conf=FILE}, else {@code USER_DATA/hosts.conf},
 * else the built-in example (this bundle's {@code hosts.conf}); {@code -Dscipion.hosts.host=NAME} picks its
 * section (default: the first). It is read again at every submission, so edits apply without a restart.
 * Thread-safe.
 */
@Component(service = ClusterExecutor.class, property = ClusterExecutor.NAME_PROPERTY + "=slurm")
public final class SlurmExecutor implements ClusterExecutor {

    static final String BUILT_IN = "hosts.conf";
    private static final Pattern JOB_ID = Pattern.compile("^\\s*(\\d+(?:_\\d+)?)\\s*(?:;.*)?$", Pattern.MULTILINE);
    private static final Pattern SUBMITTED = Pattern.compile("Submitted batch job (\\d+)");

    private final Path configFile;
    private final String host;
    private final Commands commands;

    @Activate
    public SlurmExecutor(BundleContext context) {
        this(configFile(context.getProperty("scipion.hosts.conf"), context.getProperty("scipion.user.data")),
                context.getProperty("scipion.hosts.host"), new Commands(Duration.ofSeconds(60)));
    }

    /**
     * @param configFile the hosts.conf, or null for the built-in example
     * @param host its section, or null for the first
     */
    SlurmExecutor(Path configFile, String host, Commands commands) {
        this.configFile = configFile;
        this.host = host;
        this.commands = commands;
    }

    private static Path configFile(String property, String userData) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (userData != null && Files.isRegularFile(Path.of(userData, "hosts.conf"))) {
            return Path.of(userData, "hosts.conf");
        }
        return null;
    }

    /** The configuration in force. */
    HostsConfig config() {
        try {
            if (configFile != null) {
                return HostsConfig.read(configFile, host);
            }
            try (InputStream in = SlurmExecutor.class.getResourceAsStream(BUILT_IN)) {
                return HostsConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "built-in hosts.conf of org.scipionj.slurm", host);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the hosts configuration " + configFile + ": " + e.getMessage()
                    + "; fix -Dscipion.hosts.conf", e);
        }
    }

    // -- ClusterExecutor methods --

    @Override
    public String defaultQueue() {
        return config().defaultQueue();
    }

    @Override
    public Map<String, String> queueParameters(String queue) {
        HostsConfig c = config();
        return c.parameters(queue == null ? c.defaultQueue() : queue);
    }

    @Override
    public String submit(JobSpec job) throws IOException {
        HostsConfig c = config();
        Map<String, String> values = new LinkedHashMap<>(c.parameters(job.queue()));
        values.putAll(job.params());
        values.put("JOB_NAME", job.name());
        values.put("JOB_QUEUE", job.queue());
        values.put("JOB_THREADS", Integer.toString(job.threads()));
        values.put("JOB_CORES", Integer.toString(job.threads()));
        values.putIfAbsent("JOB_NODES", "1");
        values.putIfAbsent("GPU_COUNT", values.getOrDefault("JOB_GPUS", "0"));
        values.put("JOB_LOGS", job.logPrefix().toString());
        values.put("JOB_WORKDIR", job.workDir().toString());
        values.put("JOB_COMMAND", job.command().stream().map(Placeholders::shellQuote).collect(Collectors.joining(" ")));
        String script = Placeholders.fill(c.get("SUBMIT_TEMPLATE", ""), values, c.source() + " SUBMIT_TEMPLATE");
        Path file = job.workDir().resolve("job.sh");
        Files.writeString(file, script.endsWith("\n") ? script : script + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // NB: sbatch reads the script; the mode is a courtesy
        }
        String submit = Placeholders.fill(c.get("SUBMIT_COMMAND", "sbatch --parsable %_(JOB_SCRIPT)s"),
                Map.of("JOB_SCRIPT", Placeholders.shellQuote(file.toString())), c.source() + " SUBMIT_COMMAND");
        Commands.Output out = commands.run(List.of("/bin/sh", "-c", submit), job.workDir());
        if (out.exitCode() != 0) {
            throw new IOException("'" + submit + "' failed (exit code " + out.exitCode() + "): " + out.both());
        }
        Matcher m = SUBMITTED.matcher(out.stdout());
        if (m.find()) {
            return m.group(1);
        }
        m = JOB_ID.matcher(out.stdout());
        if (m.find()) {
            return m.group(1);
        }
        throw new IOException("'" + submit + "' printed no job id (use sbatch --parsable): " + out.both());
    }

    @Override
    public Map<String, JobStatus> status(Collection<String> jobIds) throws IOException {
        Map<String, JobStatus> result = new LinkedHashMap<>();
        if (jobIds.isEmpty()) {
            return result;
        }
        Commands.Output q = commands.run(List.of("squeue", "-h", "--states=all", "-o", "%i|%T|%r",
                "--jobs=" + String.join(",", jobIds)));
        Map<String, String[]> seen = new LinkedHashMap<>();
        if (q.exitCode() == 0) {
            for (String line : q.stdout().split("\n")) {
                String[] f = line.strip().split("\\|", -1);
                if (f.length >= 3) {
                    seen.put(f[0], f);
                }
            }
        } else if (!q.stderr().contains("Invalid job id")) {
            throw new IOException("squeue failed (exit code " + q.exitCode() + "): " + q.both());
        }
        for (String id : jobIds) {
            String[] f = seen.get(id);
            JobStatus.State state = f == null ? null : SlurmStates.of(f[1]);
            if (state == JobStatus.State.QUEUED || state == JobStatus.State.RUNNING) {
                result.put(id, new JobStatus(state, f[1] + (f[2].isEmpty() || f[2].equals("None") ? "" : " (" + f[2] + ")")));
            } else {
                result.put(id, ended(id));
            }
        }
        return result;
    }

    /** An ended (or vanished) job's state with SLURM's words: state, exit code, reason. */
    private JobStatus ended(String id) throws IOException {
        Commands.Output a = commands.run(List.of("sacct", "-n", "-P", "-X", "-j", id, "-o", "State,ExitCode,Reason"));
        if (a.exitCode() == 0 && !a.stdout().isBlank()) {
            String[] f = a.stdout().strip().split("\n")[0].split("\\|", -1);
            return status(f[0], f.length > 1 ? f[1] : "?", f.length > 2 ? f[2] : "");
        }
        Commands.Output s = commands.run(List.of("scontrol", "show", "job", "-o", id));
        if (s.exitCode() == 0 && s.stdout().contains("JobState=")) {
            return status(field(s.stdout(), "JobState"), field(s.stdout(), "ExitCode"), field(s.stdout(), "Reason"));
        }
        return new JobStatus(JobStatus.State.FAILED, "is unknown to SLURM (squeue, sacct and scontrol do not know it: "
                + a.both() + " " + s.both() + ")");
    }

    private static JobStatus status(String state, String exitCode, String reason) {
        JobStatus.State s = SlurmStates.of(state);
        String detail = state.strip() + " (exit code " + exitCode + (reason == null || reason.isBlank()
                || reason.equals("None") ? "" : ", reason " + reason) + ")";
        return new JobStatus(s, detail);
    }

    private static String field(String line, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=(\\S*)").matcher(line);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void cancel(String jobId) throws IOException {
        HostsConfig c = config();
        String cmd = Placeholders.fill(c.get("CANCEL_COMMAND", "scancel %_(JOB_ID)s"),
                Map.of("JOB_ID", Placeholders.shellQuote(jobId)), c.source() + " CANCEL_COMMAND");
        Commands.Output out = commands.run(List.of("/bin/sh", "-c", cmd));
        if (out.exitCode() != 0 && !out.both().contains("already completing or completed")
                && !out.both().contains("Invalid job id")) {
            throw new IOException("'" + cmd + "' failed (exit code " + out.exitCode() + "): " + out.both());
        }
    }
}
